package dev.jdbcdynamo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.engine.config.DatabaseConfig;
import dev.jdbcdynamo.engine.error.TransactionCanceled;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * INSERT validation, key resolution, duplicate-item detection and partition reads each live in
 * one place: a statement alone, in a transaction and in a batch get the same answer, and a
 * partition read of an index orders partitions as a read of the table does.
 */
class OnePathPerRuleTest {
    private static Database database;
    private static Session session;

    @BeforeAll
    static void open() {
        database = Database.open(DatabaseConfig.of(new DatabaseConfig.Mem("onepath")).withShards(3));
        session = database.openSession(SessionOptions.partiql());
        session.execute("CREATE TABLE o (c STRING PARTITION KEY, d STRING SORT KEY, v NUMBER)", List.of());
        session.execute("CREATE TABLE n (id NUMBER PARTITION KEY)", List.of());
        session.execute("CREATE TABLE p (pk STRING PARTITION KEY, sk NUMBER SORT KEY, score NUMBER,"
                + " LOCAL INDEX \"ByScore\" (score))", List.of());
    }

    @AfterAll
    static void close() {
        session.close();
        database.close();
    }

    private static AttributeValue s(String value) {
        return new AttributeValue.S(value);
    }

    /** The message of a statement's refusal run alone, and DynamoDB's reason for it in a transaction. */
    private static void refusedAloneAndInATransaction(String statement) {
        DynamoException alone = org.junit.jupiter.api.Assertions.assertThrows(DynamoException.class,
                () -> session.execute(statement, List.of()));
        assertThat(alone.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThatThrownBy(() -> session.executeTransaction(List.of(Request.of(statement, List.of())), null))
                .isInstanceOfSatisfying(TransactionCanceled.class, e -> assertThat(e.reasons())
                        .singleElement().satisfies(r -> {
                            assertThat(r.code()).isEqualTo("ValidationError");
                            assertThat(r.message()).isEqualTo(alone.getMessage());
                        }));
    }

    @Test
    void anInsertIsCheckedAlikeAloneAndInATransaction() {
        refusedAloneAndInATransaction("INSERT INTO o VALUE {'c': 'x'}");
        refusedAloneAndInATransaction("INSERT INTO o VALUE {'c': 'x', 'd': 5}");
    }

    @Test
    void aKeyIsResolvedAlikeAloneAndInATransaction() {
        refusedAloneAndInATransaction("UPDATE o SET v = 1 WHERE c = 'x' AND d = 5");
        refusedAloneAndInATransaction("DELETE FROM o WHERE c = 1 AND d = 'y'");
    }

    @Test
    void oneItemNamedTwiceIsFoundByItsKeyInATransactionAndInABatch() {
        // 1 and 1.0 are the same number, so the same item.
        List<Request> twice = List.of(
                Request.of("INSERT INTO n VALUE {'id': 1}", List.of()),
                Request.of("UPDATE n SET v = 2 WHERE id = ?", List.of(new AttributeValue.N(new BigDecimal("1.0")))));
        assertThatThrownBy(() -> session.executeTransaction(twice, null))
                .isInstanceOf(DynamoException.class)
                .hasMessageContaining("multiple operations on one item");
        assertThatThrownBy(() -> session.executeBatch(twice))
                .isInstanceOf(DynamoException.class)
                .hasMessageContaining("Provided list of item keys contains duplicates");
    }

    @Test
    void statementsWhoseKeyIsRefusedNameNoItemAndFailOnTheirOwn() {
        // Both lack the sort key: each is refused for itself, neither counts as naming an item twice.
        List<Request> noSortKey = List.of(
                Request.of("INSERT INTO o VALUE {'c': 'k'}", List.of()),
                Request.of("INSERT INTO o VALUE {'c': 'k'}", List.of()));
        BatchResults batch = session.executeBatch(noSortKey);
        assertThat(batch.outcomes()).extracting(BatchOutcome::errorCode)
                .containsExactly("ValidationError", "ValidationError");
        assertThatThrownBy(() -> session.executeTransaction(noSortKey, null))
                .isInstanceOfSatisfying(TransactionCanceled.class, e -> assertThat(e.reasons())
                        .extracting(r -> r.code()).containsExactly("ValidationError", "ValidationError"));
    }

    @Test
    void anIndexReadsPartitionsInTheOrderATableDoes() {
        for (String pk : List.of("a", "b", "c")) {
            session.execute("INSERT INTO p VALUE {'pk': ?, 'sk': 1, 'score': 1}", List.of(s(pk)));
        }
        List<AttributeValue> table = partitions(session.execute("SELECT pk FROM p WHERE pk IN ['c', 'a', 'b']",
                List.of()));
        List<AttributeValue> index = partitions(session.execute(
                "SELECT pk FROM \"p\".\"ByScore\" WHERE pk IN ['c', 'a', 'b']", List.of()));
        assertThat(table).containsExactly(s("a"), s("b"), s("c"));
        assertThat(index).isEqualTo(table);
    }

    private static List<AttributeValue> partitions(Result result) {
        assertThat(result).isInstanceOf(Result.Items.class);
        return ((Result.Items) result).toList().stream().map((Map<String, AttributeValue> item) -> item.get("pk"))
                .toList();
    }
}
