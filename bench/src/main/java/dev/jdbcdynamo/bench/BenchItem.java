package dev.jdbcdynamo.bench;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One benchmark item, the same for every contender: string keys {@code pk} and {@code sk}, a
 * counter {@code n}, a GSI key {@code g} on the items of query partitions only, and a payload.
 */
record BenchItem(String pk, String sk, long n, String g, String payload) {
    BenchItem {
        requireNonNull(pk, "pk is null");
        requireNonNull(sk, "sk is null");
        requireNonNull(payload, "payload is null");
    }

    /** The item as DynamoDB attribute values, in a stable order. */
    Map<String, AttributeValue> attributes() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", new AttributeValue.S(pk));
        item.put("sk", new AttributeValue.S(sk));
        item.put("n", AttributeValue.N.of(n));
        if (g != null) {
            item.put("g", new AttributeValue.S(g));
        }
        item.put("payload", new AttributeValue.S(payload));
        return item;
    }

    /** The item as DynamoDB JSON, exactly what the driver stores in the {@code item} column. */
    String json() {
        return DynamoJson.writeItem(attributes());
    }

    /** The item as a PartiQL tuple literal (keys and payload are plain letters and digits). */
    String partiqlLiteral() {
        return "{'pk': '" + pk + "', 'sk': '" + sk + "', 'n': " + n
                + (g == null ? "" : ", 'g': '" + g + "'") + ", 'payload': '" + payload + "'}";
    }
}
