package dev.jdbcdynamo.server;

import static dev.jdbcdynamo.server.ItemApiTest.n;
import static dev.jdbcdynamo.server.ItemApiTest.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * PartiQL over HTTP (ExecuteStatement with pages, BatchExecuteStatement, ExecuteTransaction), and
 * one store with two doors: what HTTP writes, the JDBC driver reads on the same mem: database.
 */
class StatementsAndTwoDoorsTest {
    private final DynamoDbClient client = ServerFixture.client();

    @BeforeAll
    static void createTable() {
        ServerFixture.client().executeStatement(b -> b.statement(
                "CREATE TABLE accounts (id STRING PARTITION KEY, balance NUMBER)"));
    }

    @Test
    void executeStatementWithParametersAndPages() {
        for (int i = 0; i < 7; i++) {
            int at = i;
            client.executeStatement(b -> b.statement("INSERT INTO accounts VALUE {'id': ?, 'balance': ?}")
                    .parameters(s("page" + at), n(Integer.toString(at))));
        }
        List<String> ids = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String next = token;
            ExecuteStatementResponse page = client.executeStatement(b -> b
                    .statement("SELECT id FROM accounts WHERE begins_with(id, ?)").parameters(s("page"))
                    .limit(3).nextToken(next));
            page.items().forEach(i -> ids.add(i.get("id").s()));
            token = page.nextToken();
            pages++;
        } while (token != null);
        assertThat(ids).hasSize(7).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void batchAndTransaction() {
        assertThatThrownBy(() -> client.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("INSERT INTO accounts VALUE {'id': 'a', 'balance': 100}").build(),
                BatchStatementRequest.builder().statement("INSERT INTO accounts VALUE {'id': 'a', 'balance': 1}").build())))
                .hasMessageContaining("Provided list of item keys contains duplicates");
        BatchExecuteStatementResponse batch = client.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("INSERT INTO accounts VALUE {'id': 'a', 'balance': 100}").build(),
                BatchStatementRequest.builder().statement("INSERT INTO accounts VALUE {'id': 'b', 'balance': 0}").build()));
        assertThat(batch.responses()).hasSize(2).allSatisfy(r -> assertThat(r.error()).isNull());
        BatchExecuteStatementResponse again = client.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("INSERT INTO accounts VALUE {'id': 'a', 'balance': 1}").build(),
                BatchStatementRequest.builder().statement("INSERT INTO accounts VALUE {'id': 'c', 'balance': 5}").build()));
        assertThat(again.responses().get(0).error().codeAsString()).isEqualTo("DuplicateItem");
        assertThat(again.responses().get(1).error()).isNull();
        BatchExecuteStatementResponse reads = client.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("SELECT * FROM accounts WHERE id = 'c'").build(),
                BatchStatementRequest.builder().statement("SELECT * FROM accounts WHERE id = 'nobody'").build()));
        assertThat(reads.responses().get(0).item()).containsEntry("balance", n("5"));
        assertThat(reads.responses().get(1).hasItem()).isFalse();

        ExecuteTransactionResponse moved = client.executeTransaction(b -> b.transactStatements(
                ParameterizedStatement.builder().statement("UPDATE accounts SET balance = balance - 30 WHERE id = 'a'").build(),
                ParameterizedStatement.builder().statement("UPDATE accounts SET balance = balance + 30 WHERE id = 'b'").build()));
        assertThat(moved.responses()).hasSize(2);

        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(
                ParameterizedStatement.builder().statement("UPDATE accounts SET balance = balance - 30 WHERE id = 'a'").build(),
                ParameterizedStatement.builder().statement("UPDATE accounts SET balance = balance + 30 WHERE id = 'b' AND balance = ?")
                        .parameters(n("999")).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(e.cancellationReasons())
                        .extracting(r -> r.code()).containsExactly("None", "ConditionalCheckFailed"));

        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> a = client.getItem(b -> b
                .tableName("accounts").key(Map.of("id", s("a")))).item();
        assertThat(a.get("balance")).isEqualTo(n("70"));
    }

    @Test
    void anItemWrittenOverHttpReadsTheSameThroughJdbc() throws Exception {
        client.putItem(b -> b.tableName("accounts").item(Map.of("id", s("exact"),
                "balance", n("12345678901234567890.123456789"), "note", s("over http"))));
        try (Connection c = DriverManager.getConnection("jdbc:dynamo:mem:" + ServerFixture.MEM_NAME + "?shards=3");
             PreparedStatement ps = c.prepareStatement("SELECT balance, note FROM accounts WHERE id = ?")) {
            ps.setString(1, "exact");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBigDecimal("balance")).isEqualTo(new BigDecimal("12345678901234567890.123456789"));
                assertThat(rs.getString("note")).isEqualTo("over http");
                assertThat(rs.next()).isFalse();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO accounts VALUE {'id': ?, 'balance': ?}")) {
                insert.setString(1, "from jdbc");
                insert.setBigDecimal(2, new BigDecimal("0.000000000000000000000000000001"));
                insert.executeUpdate();
            }
        }
        assertThat(client.getItem(b -> b.tableName("accounts").key(Map.of("id", s("from jdbc")))).item().get("balance"))
                .isEqualTo(n("0.000000000000000000000000000001"));
    }
}
