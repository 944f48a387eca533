package dev.jdbcdynamo.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.engine.config.DatabaseConfig;
import dev.jdbcdynamo.engine.error.TransactionCanceled;
import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Pos;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.parse.ParsedStatement;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine as a second front end would use it, without JDBC: a mem: database, one session,
 * statements as text and as a syntax tree, parameters as AttributeValues, DynamoDB's errors.
 */
class EngineApiTest {
    private static Database database;
    private static Session session;

    @BeforeAll
    static void open() {
        database = Database.open(DatabaseConfig.of(new DatabaseConfig.Mem("engineapi")).withShards(3));
        session = database.openSession(SessionOptions.partiql());
        session.execute("CREATE TABLE \"Orders\" (customer STRING PARTITION KEY, day STRING SORT KEY, total NUMBER)",
                List.of());
    }

    @AfterAll
    static void close() {
        session.close();
        database.close();
    }

    private static AttributeValue s(String value) {
        return new AttributeValue.S(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.N.of(value);
    }

    private static List<Map<String, AttributeValue>> items(Result result) {
        assertThat(result).isInstanceOf(Result.Items.class);
        return ((Result.Items) result).toList();
    }

    private static void put(String customer, String day, long total) {
        Result r = session.execute("INSERT INTO \"Orders\" VALUE {'customer': ?, 'day': ?, 'total': ?}",
                List.of(s(customer), s(day), n(total)));
        assertThat(r).isEqualTo(new Result.Count(1));
    }

    @Test
    void putGetAndQuery() {
        put("alice", "2024-01-01", 10);
        put("alice", "2024-02-01", 20);
        put("bob", "2024-01-01", 5);

        List<Map<String, AttributeValue>> got = items(session.execute(
                "SELECT * FROM \"Orders\" WHERE customer = ? AND day = ?", List.of(s("alice"), s("2024-02-01"))));
        assertThat(got).singleElement().satisfies(item -> assertThat(item.get("total")).isEqualTo(n(20)));

        List<Map<String, AttributeValue>> alice = items(session.execute(
                "SELECT day FROM \"Orders\" WHERE customer = ? AND day >= ?", List.of(s("alice"), s("2024-01-01"))));
        assertThat(alice).extracting(item -> item.get("day")).containsExactly(s("2024-01-01"), s("2024-02-01"));
    }

    @Test
    void updateWithAConditionAndItsFailure() {
        put("carol", "2024-03-01", 1);
        Result ok = session.execute("UPDATE \"Orders\" SET total = total + 1 WHERE customer = ? AND day = ? AND total = ?",
                List.of(s("carol"), s("2024-03-01"), n(1)));
        assertThat(ok).isEqualTo(new Result.Count(1));

        assertThatThrownBy(() -> session.execute(
                "UPDATE \"Orders\" SET total = total + 1 WHERE customer = ? AND day = ? AND total = ?",
                List.of(s("carol"), s("2024-03-01"), n(1))))
                .isInstanceOfSatisfying(DynamoException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);
                    assertThat(e.code().errorName()).isEqualTo("ConditionalCheckFailedException");
                });
    }

    @Test
    void scanIsAStream() {
        session.execute("CREATE TABLE big (id STRING PARTITION KEY)", List.of());
        for (int i = 0; i < 50; i++) {
            session.execute("INSERT INTO big VALUE {'id': ?}", List.of(s("k" + i)));
        }
        Result scan = session.execute("SELECT * FROM big", List.of());
        assertThat(scan).isInstanceOf(Result.Items.class);
        List<String> ids = new ArrayList<>();
        try (Result.Items items = (Result.Items) scan) {
            items.forEachRemaining(item -> ids.add(((AttributeValue.S) item.get("id")).value()));
        }
        assertThat(ids).hasSize(50).doesNotHaveDuplicates();
    }

    @Test
    void aTransactionAppliesAllOrNothing() {
        session.execute("CREATE TABLE acc (id STRING PARTITION KEY, balance NUMBER)", List.of());
        session.executeTransaction(List.of(
                Request.of("INSERT INTO acc VALUE {'id': 'a', 'balance': 100}", List.of()),
                Request.of("INSERT INTO acc VALUE {'id': 'b', 'balance': 0}", List.of())), null);

        assertThatThrownBy(() -> session.executeTransaction(List.of(
                Request.of("UPDATE acc SET balance = balance - 50 WHERE id = 'a'", List.of()),
                Request.of("UPDATE acc SET balance = balance + 50 WHERE id = 'b' AND balance = ?", List.of(n(999)))),
                null))
                .isInstanceOfSatisfying(TransactionCanceled.class, e -> assertThat(e.reasons())
                        .extracting(r -> r.code()).containsExactly("None", "ConditionalCheckFailed"));

        assertThat(items(session.execute("SELECT balance FROM acc WHERE id = 'a'", List.of())))
                .singleElement().satisfies(item -> assertThat(item.get("balance")).isEqualTo(n(100)));
        assertThat(session.autoCommit()).isTrue();
    }

    @Test
    void aBatchRunsEachStatementOnItsOwn() {
        session.execute("CREATE TABLE b (id STRING PARTITION KEY)", List.of());
        session.execute("INSERT INTO b VALUE {'id': 'taken'}", List.of());

        BatchResults writes = session.executeBatch(List.of(
                Request.of("INSERT INTO b VALUE {'id': 'new'}", List.of()),
                Request.of("INSERT INTO b VALUE {'id': 'taken'}", List.of())));
        assertThat(writes.outcomes()).extracting(BatchOutcome::errorCode).containsExactly(null, "DuplicateItem");
        assertThat(writes.firstError().code()).isEqualTo(ErrorCode.DUPLICATE_ITEM);

        BatchResults reads = session.executeBatch(List.of(
                Request.of("SELECT * FROM b WHERE id = ?", List.of(s("new"))),
                Request.of("SELECT * FROM b WHERE id = ?", List.of(s("missing")))));
        assertThat(reads.failed()).isFalse();
        assertThat(reads.outcomes().get(0).item()).containsEntry("id", s("new"));
        assertThat(reads.outcomes().get(1).item()).isNull();
    }

    @Test
    void theCatalogLists() {
        session.execute("CREATE TABLE cat (id STRING PARTITION KEY, ts NUMBER SORT KEY)", List.of());
        assertThat(database.tables()).extracting(TableDef::name).contains("Orders", "cat");
        TableDef cat = database.table("cat").orElseThrow();
        assertThat(cat.partitionKey().name()).isEqualTo("id");
        assertThat(database.table("nope")).isEmpty();
        assertThat(database.shardNames()).hasSize(3);
    }

    @Test
    void aStatementGivenAsASyntaxTree() {
        put("dave", "2024-04-01", 7);
        // SELECT * FROM "Orders" WHERE customer = ?, built without formatting any PartiQL text.
        Statement.Select select = new Statement.Select(false, List.of(),
                new Statement.FromTable(new Statement.TableRef("Orders", null, null, Pos.UNKNOWN)),
                new Expr.Compare(Expr.CompareOp.EQ, new Expr.PathRef(Path.of("customer"), Pos.UNKNOWN),
                        new Expr.Parameter(0, Pos.UNKNOWN), Pos.UNKNOWN),
                List.of(), null, List.of(), null, null, Pos.UNKNOWN);
        List<Map<String, AttributeValue>> found = items(session.execute(new ParsedStatement(select, 1), List.of(s("dave"))));
        assertThat(found).singleElement().satisfies(item ->
                assertThat(item.get("total")).isEqualTo(new AttributeValue.N(new BigDecimal(7))));
    }

    @Test
    void errorsAreDynamoDbs() {
        assertThatThrownBy(() -> session.execute("SELECT * FROM \"NoSuchTable\" WHERE id = 'x'", List.of()))
                .isInstanceOfSatisfying(DynamoException.class,
                        e -> assertThat(e.code().errorName()).isEqualTo("ResourceNotFoundException"));
        assertThatThrownBy(() -> session.execute("SELEC nonsense", List.of()))
                .isInstanceOfSatisfying(DynamoException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR));
    }
}
