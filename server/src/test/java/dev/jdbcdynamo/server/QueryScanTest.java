package dev.jdbcdynamo.server;

import static dev.jdbcdynamo.server.ItemApiTest.n;
import static dev.jdbcdynamo.server.ItemApiTest.s;
import static dev.jdbcdynamo.server.ProtocolAndTablesTest.attr;
import static dev.jdbcdynamo.server.ProtocolAndTablesTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Query (key conditions, filters, index, order, pages) and Scan (filters, pages, segments) through the AWS SDK. */
class QueryScanTest {
    private static final String TABLE = "events";
    private final DynamoDbClient client = ServerFixture.client();

    @BeforeAll
    static void fill() {
        DynamoDbClient client = ServerFixture.client();
        client.createTable(CreateTableRequest.builder().tableName(TABLE)
                .attributeDefinitions(attr("user", ScalarAttributeType.S), attr("at", ScalarAttributeType.N),
                        attr("kind", ScalarAttributeType.S))
                .keySchema(key("user", KeyType.HASH), key("at", KeyType.RANGE))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByKind")
                        .keySchema(key("kind", KeyType.HASH), key("at", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
        for (int i = 0; i < 25; i++) {
            int at = i;
            client.putItem(b -> b.tableName(TABLE).item(Map.of("user", s("u" + (at % 3)), "at", n(Integer.toString(at)),
                    "kind", s(at % 2 == 0 ? "even" : "odd"), "size", n(Integer.toString(at * 10)))));
        }
    }

    @Test
    void keyConditionFilterAndProjection() {
        QueryResponse r = client.query(b -> b.tableName(TABLE)
                .keyConditionExpression("#u = :u AND #a BETWEEN :lo AND :hi")
                .filterExpression("#sz >= :min")
                .projectionExpression("#a, #sz")
                .expressionAttributeNames(Map.of("#u", "user", "#a", "at", "#sz", "size"))
                .expressionAttributeValues(Map.of(":u", s("u1"), ":lo", n("4"), ":hi", n("19"), ":min", n("100"))));
        assertThat(r.items()).extracting(i -> i.get("at").n()).containsExactly("10", "13", "16", "19");
        assertThat(r.items().get(0)).isEqualTo(Map.of("at", n("10"), "size", n("100")));
        assertThat(r.count()).isEqualTo(4);
    }

    @Test
    void descendingAndPagedQuery() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(QueryRequest.builder().tableName(TABLE)
                    .keyConditionExpression("#u = :u").expressionAttributeNames(Map.of("#u", "user"))
                    .expressionAttributeValues(Map.of(":u", s("u0"))).scanIndexForward(false).limit(3)
                    .exclusiveStartKey(from).build());
            page.items().forEach(i -> seen.add(i.get("at").n()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);
        assertThat(seen).containsExactly("24", "21", "18", "15", "12", "9", "6", "3", "0");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void queryOnAGlobalIndex() {
        QueryResponse r = client.query(b -> b.tableName(TABLE).indexName("ByKind").consistentRead(false)
                .keyConditionExpression("kind = :k AND #a < :a").expressionAttributeNames(Map.of("#a", "at"))
                .expressionAttributeValues(Map.of(":k", s("odd"), ":a", n("8"))));
        assertThat(r.items()).extracting(i -> i.get("at").n()).containsExactlyInAnyOrder("1", "3", "5", "7");
    }

    @Test
    void scanPagesAndSegmentsCoverTheTableOnce() {
        Set<String> all = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(b -> b.tableName(TABLE).limit(7).exclusiveStartKey(from));
            page.items().forEach(i -> assertThat(all.add(i.get("user").s() + "/" + i.get("at").n())).isTrue());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertThat(all).hasSize(25);

        Set<String> segmented = new HashSet<>();
        for (int segment = 0; segment < 3; segment++) {
            int seg = segment;
            client.scan(b -> b.tableName(TABLE).segment(seg).totalSegments(3)).items()
                    .forEach(i -> assertThat(segmented.add(i.get("user").s() + "/" + i.get("at").n())).isTrue());
        }
        assertThat(segmented).isEqualTo(all);

        ScanResponse filtered = client.scan(b -> b.tableName(TABLE).filterExpression("kind = :k AND #sz > :s")
                .expressionAttributeNames(Map.of("#sz", "size")).expressionAttributeValues(Map.of(":k", s("even"), ":s", n("150"))));
        assertThat(filtered.items()).extracting(i -> i.get("at").n()).containsExactlyInAnyOrder("16", "18", "20", "22", "24");
    }

    @Test
    void badKeyConditionIsAValidationException() {
        assertThatThrownBy(() -> client.query(b -> b.tableName(TABLE).keyConditionExpression("#u = :u")
                .expressionAttributeValues(Map.of(":u", s("u0")))))
                .hasMessageContaining("An expression attribute name used in the document path is not defined");
    }
}
