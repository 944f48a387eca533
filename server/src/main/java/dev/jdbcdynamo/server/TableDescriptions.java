package dev.jdbcdynamo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.TableDef;
import java.util.LinkedHashMap;
import java.util.Map;

/** DynamoDB's TableDescription of a catalog table. */
final class TableDescriptions {
    private static final String ARN = "arn:aws:dynamodb:local:000000000000:table/";

    private TableDescriptions() {
    }

    static ObjectNode of(TableDef table, JsonNode billing, String status) {
        ObjectNode d = Json.MAPPER.createObjectNode();
        d.put("TableName", table.name());
        d.put("TableStatus", status);
        d.put("TableArn", ARN + table.name());
        d.put("TableId", Long.toString(table.id()));
        d.put("ItemCount", 0);
        d.put("TableSizeBytes", 0);
        Map<String, KeyAttribute> attributes = new LinkedHashMap<>();
        table.keyAttributes().forEach(k -> attributes.put(k.name(), k));
        keySchema(d.putArray("KeySchema"), table.partitionKey(), table.sortKey());
        for (IndexDef index : table.indexes()) {
            if (index.partitionKey() != null) {
                attributes.putIfAbsent(index.partitionKey().name(), index.partitionKey());
            }
            if (index.sortKey() != null) {
                attributes.putIfAbsent(index.sortKey().name(), index.sortKey());
            }
        }
        ArrayNode defs = d.putArray("AttributeDefinitions");
        attributes.values().forEach(a -> defs.addObject().put("AttributeName", a.name()).put("AttributeType", a.type().name()));
        String mode = billing == null ? "PROVISIONED" : billing.path("BillingMode").asText("PROVISIONED");
        d.putObject("BillingModeSummary").put("BillingMode", mode);
        ObjectNode throughput = d.putObject("ProvisionedThroughput");
        JsonNode given = billing == null ? null : billing.get("ProvisionedThroughput");
        throughput.put("NumberOfDecreasesToday", 0);
        throughput.put("ReadCapacityUnits", given == null ? 0 : given.path("ReadCapacityUnits").asLong());
        throughput.put("WriteCapacityUnits", given == null ? 0 : given.path("WriteCapacityUnits").asLong());
        if (!table.localIndexes().isEmpty()) {
            ArrayNode lsis = d.putArray("LocalSecondaryIndexes");
            table.localIndexes().forEach(i -> index(lsis.addObject(), table, i));
        }
        if (!table.globalIndexes().isEmpty()) {
            ArrayNode gsis = d.putArray("GlobalSecondaryIndexes");
            table.globalIndexes().forEach(i -> {
                ObjectNode g = index(gsis.addObject(), table, i);
                g.put("IndexStatus", i.state() == IndexDef.IndexState.ACTIVE ? "ACTIVE" : "CREATING");
                g.put("Backfilling", i.state() != IndexDef.IndexState.ACTIVE);
            });
        }
        return d;
    }

    private static ObjectNode index(ObjectNode out, TableDef table, IndexDef index) {
        out.put("IndexName", index.name());
        out.put("IndexArn", ARN + table.name() + "/index/" + index.name());
        KeyAttribute hash = index.global() ? index.partitionKey() : table.partitionKey();
        keySchema(out.putArray("KeySchema"), hash, index.sortKey());
        ObjectNode projection = out.putObject("Projection");
        projection.put("ProjectionType", index.projection().name());
        if (!index.include().isEmpty()) {
            ArrayNode include = projection.putArray("NonKeyAttributes");
            index.include().forEach(include::add);
        }
        out.put("ItemCount", 0);
        out.put("IndexSizeBytes", 0);
        return out;
    }

    private static void keySchema(ArrayNode schema, KeyAttribute hash, KeyAttribute range) {
        schema.addObject().put("AttributeName", hash.name()).put("KeyType", "HASH");
        if (range != null) {
            schema.addObject().put("AttributeName", range.name()).put("KeyType", "RANGE");
        }
    }
}
