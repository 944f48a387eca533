package dev.jdbcdynamo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The wire protocol (headers, errors, bad bodies) and the control plane, through the AWS SDK and raw HTTP. */
class ProtocolAndTablesTest {
    private final DynamoDbClient client = ServerFixture.client();

    private static HttpResponse<String> post(String target, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ServerFixture.url()))
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthLineAndHeadersOnEveryAnswer() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(ServerFixture.url())).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).startsWith("healthy");

        HttpResponse<String> list = post("DynamoDB_20120810.ListTables", "{}");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("x-amzn-RequestId")).isPresent();
        CRC32 crc = new CRC32();
        crc.update(list.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(list.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));
    }

    @Test
    void malformedJsonIsASerializationException() throws Exception {
        HttpResponse<String> bad = post("DynamoDB_20120810.GetItem", "{\"TableName\": ");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"__type\":\"com.amazonaws.dynamodb.v20120810#SerializationException\"");
        assertThat(bad.headers().firstValue("x-amzn-RequestId")).isPresent();

        HttpResponse<String> notAnObject = post("DynamoDB_20120810.GetItem", "[1, 2]");
        assertThat(notAnObject.statusCode()).isEqualTo(400);
        assertThat(notAnObject.body()).contains("SerializationException");
    }

    @Test
    void badMembersAre400sNever500s() throws Exception {
        client.createTable(CreateTableRequest.builder().tableName("bad_input")
                .attributeDefinitions(attr("pk", ScalarAttributeType.S)).keySchema(key("pk", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
        String[] bodies = {
            "{\"TableName\": 5, \"Key\": {\"pk\": {\"S\": \"a\"}}}",
            "{\"TableName\": \"bad_input\", \"Key\": \"nope\"}",
            "{\"TableName\": \"bad_input\", \"Key\": {\"pk\": {\"S\": 5}}}",
            "{\"TableName\": \"bad_input\", \"Key\": {\"pk\": {\"Q\": \"a\"}}}",
            "{\"TableName\": \"bad_input\", \"Key\": {\"pk\": {\"N\": \"not a number\"}}}",
            "{\"TableName\": \"bad_input\", \"Key\": {\"pk\": {\"S\": \"a\"}}, \"ProjectionExpression\": \"a,,b\"}",
            "{}",
            "null",
            "",
        };
        for (String body : bodies) {
            HttpResponse<String> answer = post("DynamoDB_20120810.GetItem", body);
            assertThat(answer.statusCode()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains("\"__type\":\"com.amazonaws.dynamodb.v20120810#");
        }
        HttpResponse<String> put = post("DynamoDB_20120810.PutItem",
                "{\"TableName\": \"bad_input\", \"Item\": {\"pk\": {\"S\": \"a\"}, \"x\": {\"SS\": []}}}");
        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(post("DynamoDB_20120810.Scan", "{\"TableName\": \"bad_input\"}").body()).contains("\"Count\":0");
    }

    @Test
    void unknownOperationAndMissingTarget() throws Exception {
        HttpResponse<String> unknown = post("DynamoDB_20120810.FlyToTheMoon", "{}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("#UnknownOperationException");
        HttpResponse<String> none = post(null, "{}");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("#UnknownOperationException");
    }

    @Test
    void createDescribeListAndDeleteTables() {
        client.createTable(CreateTableRequest.builder().tableName("Music")
                .attributeDefinitions(attr("Artist", ScalarAttributeType.S), attr("Song", ScalarAttributeType.S),
                        attr("Year", ScalarAttributeType.N), attr("Genre", ScalarAttributeType.S))
                .keySchema(key("Artist", KeyType.HASH), key("Song", KeyType.RANGE))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("ByYear")
                        .keySchema(key("Artist", KeyType.HASH), key("Year", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("ByGenre")
                        .keySchema(key("Genre", KeyType.HASH), key("Year", KeyType.RANGE))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build())
                        .provisionedThroughput(throughput()).build())
                .billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput())
                .build());

        DescribeTableResponse described = client.describeTable(b -> b.tableName("Music"));
        assertThat(described.table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.table().keySchema()).containsExactly(key("Artist", KeyType.HASH), key("Song", KeyType.RANGE));
        assertThat(described.table().provisionedThroughput().readCapacityUnits()).isEqualTo(5L);
        assertThat(described.table().billingModeSummary().billingMode()).isEqualTo(BillingMode.PROVISIONED);
        assertThat(described.table().localSecondaryIndexes()).singleElement()
                .satisfies(i -> assertThat(i.keySchema()).containsExactly(key("Artist", KeyType.HASH), key("Year", KeyType.RANGE)));
        assertThat(described.table().globalSecondaryIndexes()).singleElement().satisfies(i -> {
            assertThat(i.indexName()).isEqualTo("ByGenre");
            assertThat(i.projection().projectionType()).isEqualTo(ProjectionType.KEYS_ONLY);
        });

        assertThatThrownBy(() -> client.createTable(CreateTableRequest.builder().tableName("Music")
                .attributeDefinitions(attr("Artist", ScalarAttributeType.S)).keySchema(key("Artist", KeyType.HASH))
                .billingMode(BillingMode.PAY_PER_REQUEST).build()))
                .isInstanceOf(ResourceInUseException.class);

        client.deleteTable(b -> b.tableName("Music"));
        assertThatThrownBy(() -> client.describeTable(b -> b.tableName("Music")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listTablesPages() {
        for (String name : new String[] {"page_a", "page_b", "page_c"}) {
            client.createTable(CreateTableRequest.builder().tableName(name)
                    .attributeDefinitions(attr("id", ScalarAttributeType.S)).keySchema(key("id", KeyType.HASH))
                    .billingMode(BillingMode.PAY_PER_REQUEST).build());
        }
        ListTablesResponse first = client.listTables(b -> b.exclusiveStartTableName("page").limit(2));
        assertThat(first.tableNames()).containsExactly("page_a", "page_b");
        assertThat(first.lastEvaluatedTableName()).isEqualTo("page_b");
        ListTablesResponse second = client.listTables(b -> b.exclusiveStartTableName("page_b").limit(2));
        assertThat(second.tableNames()).startsWith("page_c");
    }

    static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static ProvisionedThroughput throughput() {
        return ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build();
    }
}
