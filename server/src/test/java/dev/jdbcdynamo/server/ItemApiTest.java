package dev.jdbcdynamo.server;

import static dev.jdbcdynamo.server.ProtocolAndTablesTest.attr;
import static dev.jdbcdynamo.server.ProtocolAndTablesTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** GetItem, PutItem, DeleteItem and UpdateItem with their expressions and errors, through the AWS SDK. */
class ItemApiTest {
    private static final String TABLE = "items";
    private final DynamoDbClient client = ServerFixture.client();

    @BeforeAll
    static void createTable() {
        ServerFixture.client().createTable(CreateTableRequest.builder().tableName(TABLE)
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST).build());
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    private Map<String, AttributeValue> get(String pk, String sk) {
        return client.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s(pk), "sk", n(sk))).consistentRead(true)).item();
    }

    @Test
    void putOverwritesAndGetProjects() {
        client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("a"), "sk", n("1"), "price", n("12.50"),
                "tags", AttributeValue.fromSs(List.of("x", "y")), "doc", AttributeValue.fromM(Map.of("in", s("deep"))))));
        PutItemResponse second = client.putItem(b -> b.tableName(TABLE).returnValues(ReturnValue.ALL_OLD)
                .item(Map.of("pk", s("a"), "sk", n("1"), "price", n("99.125"))));
        assertThat(second.attributes()).containsEntry("price", n("12.5")).containsKey("tags");
        assertThat(get("a", "1")).isEqualTo(Map.of("pk", s("a"), "sk", n("1"), "price", n("99.125")));

        client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("a"), "sk", n("2"),
                "doc", AttributeValue.fromM(Map.of("in", s("deep"), "other", n("3"))))));
        GetItemResponse projected = client.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s("a"), "sk", n("2")))
                .projectionExpression("#d.#i").expressionAttributeNames(Map.of("#d", "doc", "#i", "in")));
        assertThat(projected.item()).isEqualTo(Map.of("doc", AttributeValue.fromM(Map.of("in", s("deep")))));

        assertThat(client.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s("none"), "sk", n("1")))).hasItem()).isFalse();
    }

    @Test
    void conditionalPutFailsWithAndWithoutTheOldItem() {
        client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("c"), "sk", n("1"), "v", n("1")))
                .conditionExpression("attribute_not_exists(pk)"));
        assertThatThrownBy(() -> client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("c"), "sk", n("1")))
                .conditionExpression("attribute_not_exists(pk)")))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> assertThat(e.hasItem()).isFalse());
        assertThatThrownBy(() -> client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("c"), "sk", n("1")))
                .conditionExpression("v = :one").expressionAttributeValues(Map.of(":one", n("2")))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class,
                        e -> assertThat(e.item()).isEqualTo(Map.of("pk", s("c"), "sk", n("1"), "v", n("1"))));
        assertThat(get("c", "1")).containsEntry("v", n("1"));
    }

    @Test
    void updateCreatesTheItemThenUpdatesIt() {
        UpdateItemResponse created = client.updateItem(b -> b.tableName(TABLE).key(Map.of("pk", s("u"), "sk", n("1")))
                .updateExpression("SET #c = if_not_exists(#c, :zero) + :inc, note = :note ADD hits :one")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":zero", n("0"), ":inc", n("5"), ":note", s("hi"), ":one", n("1")))
                .returnValues(ReturnValue.ALL_NEW));
        assertThat(created.attributes()).isEqualTo(Map.of("pk", s("u"), "sk", n("1"), "count", n("5"),
                "note", s("hi"), "hits", n("1")));

        UpdateItemResponse updated = client.updateItem(b -> b.tableName(TABLE).key(Map.of("pk", s("u"), "sk", n("1")))
                .updateExpression("SET #c = #c + :inc REMOVE note ADD hits :one, tags :t")
                .conditionExpression("#c = :five")
                .expressionAttributeNames(Map.of("#c", "count"))
                .expressionAttributeValues(Map.of(":inc", n("0.5"), ":one", n("1"), ":five", n("5"),
                        ":t", AttributeValue.fromSs(List.of("new"))))
                .returnValues(ReturnValue.UPDATED_NEW));
        assertThat(updated.attributes()).containsEntry("count", n("5.5")).containsEntry("hits", n("2"));
        assertThat(get("u", "1")).isEqualTo(Map.of("pk", s("u"), "sk", n("1"), "count", n("5.5"), "hits", n("2"),
                "tags", AttributeValue.fromSs(List.of("new"))));

        client.updateItem(b -> b.tableName(TABLE).key(Map.of("pk", s("u"), "sk", n("1")))
                .updateExpression("DELETE tags :t").expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(List.of("new")))));
        assertThat(get("u", "1")).doesNotContainKey("tags");

        assertThatThrownBy(() -> client.updateItem(b -> b.tableName(TABLE).key(Map.of("pk", s("u"), "sk", n("1")))
                .updateExpression("SET note = :n").conditionExpression("attribute_not_exists(pk)")
                .expressionAttributeValues(Map.of(":n", s("x")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> client.updateItem(b -> b.tableName(TABLE).key(Map.of("pk", s("missing"), "sk", n("1")))
                .updateExpression("SET note = :n").conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":n", s("x")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThat(get("missing", "1")).isEmpty();
    }

    @Test
    void concurrentUpsertsCountEveryIncrement() throws Exception {
        int threads = 4;
        int each = 10;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    client.updateItem(b -> b.tableName(TABLE).key(Map.of("pk", s("counter"), "sk", n("1")))
                            .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", n("1"))));
                }
            }));
        }
        for (java.util.concurrent.Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(get("counter", "1")).containsEntry("hits", n(Integer.toString(threads * each)));
    }

    @Test
    void deleteWithConditionAndReturnValues() {
        client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("d"), "sk", n("1"), "v", n("7"))));
        assertThatThrownBy(() -> client.deleteItem(b -> b.tableName(TABLE).key(Map.of("pk", s("d"), "sk", n("1")))
                .conditionExpression("v > :x").expressionAttributeValues(Map.of(":x", n("10")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        DeleteItemResponse deleted = client.deleteItem(b -> b.tableName(TABLE).key(Map.of("pk", s("d"), "sk", n("1")))
                .conditionExpression("v < :x").expressionAttributeValues(Map.of(":x", n("10")))
                .returnValues(ReturnValue.ALL_OLD));
        assertThat(deleted.attributes()).containsEntry("v", n("7"));
        assertThat(get("d", "1")).isEmpty();
        client.deleteItem(b -> b.tableName(TABLE).key(Map.of("pk", s("d"), "sk", n("1"))));
    }

    @Test
    void expressionErrorsAreValidationExceptions() {
        assertThatThrownBy(() -> client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("e"), "sk", n("1")))
                .conditionExpression("v = :undefined")))
                .hasMessageContaining("An expression attribute value used in expression is not defined")
                .satisfies(e -> assertThat(((software.amazon.awssdk.awscore.exception.AwsServiceException) e)
                        .awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("e"), "sk", n("1")))
                .conditionExpression("attribute_not_exists(pk)").expressionAttributeValues(Map.of(":unused", n("1")))))
                .hasMessageContaining("unused in expressions: keys: {:unused}");
        assertThatThrownBy(() -> client.putItem(b -> b.tableName(TABLE).item(Map.of("pk", s("e"), "sk", n("1")))
                .conditionExpression("v = = :x").expressionAttributeValues(Map.of(":x", n("1")))))
                .satisfies(e -> assertThat(((software.amazon.awssdk.awscore.exception.AwsServiceException) e)
                        .awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> client.getItem(b -> b.tableName(TABLE).key(Map.of("pk", s("e")))))
                .hasMessageContaining("The provided key element does not match the schema");
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("no_such_table").key(Map.of("pk", s("e")))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(get("e", "1")).isEmpty();
    }
}
