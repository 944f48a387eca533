package dev.jdbcdynamo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jdbcdynamo.engine.Database;
import dev.jdbcdynamo.engine.Session;
import dev.jdbcdynamo.engine.SessionOptions;
import dev.jdbcdynamo.planner.ast.Pos;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.parse.ParsedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The control plane: CreateTable, DescribeTable, ListTables and DeleteTable as the engine's DDL.
 * BillingMode and ProvisionedThroughput are accepted and reported back (kept by this server
 * process only: the catalog has no place for them, and they change nothing here).
 */
final class TableOperations {
    private static final Pos POS = new Pos(1, 1, 0);
    private final Database database;
    private final Map<String, JsonNode> billing = new ConcurrentHashMap<>();

    TableOperations(Database database) {
        this.database = database;
    }

    ObjectNode create(ObjectNode request) {
        String name = Json.required(request, "TableName");
        Map<String, Statement.ScalarType> types = new LinkedHashMap<>();
        for (JsonNode def : array(request, "AttributeDefinitions")) {
            types.put(def.path("AttributeName").asText(), Statement.ScalarType.valueOf(def.path("AttributeType").asText()));
        }
        List<String> keys = keyNames(request.path("KeySchema"));
        if (keys.isEmpty()) {
            throw ApiException.validation("1 validation error detected: Value null at 'keySchema' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        List<Statement.ColumnDef> columns = new ArrayList<>();
        for (Map.Entry<String, Statement.ScalarType> e : types.entrySet()) {
            int at = keys.indexOf(e.getKey());
            Statement.KeyRole role = at == 0 ? Statement.KeyRole.PARTITION : at == 1 ? Statement.KeyRole.SORT
                    : Statement.KeyRole.NONE;
            columns.add(new Statement.ColumnDef(e.getKey(), e.getValue(), role, POS));
        }
        for (String key : keys) {
            if (!types.containsKey(key)) {
                throw ApiException.validation("One or more parameter values were invalid: Some index key attributes"
                        + " are not defined in AttributeDefinitions. Keys: [" + key + "]");
            }
        }
        List<Statement.IndexDef> indexes = new ArrayList<>();
        for (JsonNode lsi : array(request, "LocalSecondaryIndexes")) {
            indexes.add(index(lsi, false));
        }
        for (JsonNode gsi : array(request, "GlobalSecondaryIndexes")) {
            indexes.add(index(gsi, true));
        }
        try (Session session = database.openSession(SessionOptions.partiql())) {
            session.execute(new ParsedStatement(new Statement.CreateTable(name, false, columns, indexes, POS), 0), List.of());
        }
        ObjectNode settings = Json.MAPPER.createObjectNode();
        settings.put("BillingMode", Json.text(request, "BillingMode") == null ? "PROVISIONED" : Json.text(request, "BillingMode"));
        if (request.has("ProvisionedThroughput")) {
            settings.set("ProvisionedThroughput", request.get("ProvisionedThroughput"));
        }
        billing.put(name, settings);
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.set("TableDescription", TableDescriptions.of(table(name), billing.get(name), "ACTIVE"));
        return answer;
    }

    ObjectNode describe(ObjectNode request) {
        String name = Json.required(request, "TableName");
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.set("Table", TableDescriptions.of(table(name), billing.get(name), "ACTIVE"));
        return answer;
    }

    ObjectNode list(ObjectNode request) {
        String start = Json.text(request, "ExclusiveStartTableName");
        Integer limit = Json.integer(request, "Limit");
        int max = limit == null ? 100 : limit;
        if (max < 1 || max > 100) {
            throw ApiException.validation("1 validation error detected: Value '" + max + "' at 'limit' failed to"
                    + " satisfy constraint: Member must have value less than or equal to 100");
        }
        List<String> names = database.tables().stream().map(TableDef::name)
                .filter(n -> start == null || n.compareTo(start) > 0).sorted().toList();
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode out = answer.putArray("TableNames");
        names.stream().limit(max).forEach(out::add);
        if (names.size() > max) {
            answer.put("LastEvaluatedTableName", names.get(max - 1));
        }
        return answer;
    }

    ObjectNode delete(ObjectNode request) {
        String name = Json.required(request, "TableName");
        TableDef table = table(name);
        try (Session session = database.openSession(SessionOptions.partiql())) {
            session.execute(new ParsedStatement(new Statement.DropTable(name, false, POS), 0), List.of());
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        answer.set("TableDescription", TableDescriptions.of(table, billing.remove(name), "DELETING"));
        return answer;
    }

    TableDef table(String name) {
        return database.table(name).orElseThrow(() -> ApiException.notFound(
                "Requested resource not found: Table: " + name + " not found"));
    }

    private static Statement.IndexDef index(JsonNode def, boolean global) {
        String name = def.path("IndexName").asText();
        List<String> keys = keyNames(def.path("KeySchema"));
        if (!global) {
            keys = keys.size() > 1 ? List.of(keys.get(1)) : keys;
        }
        JsonNode projection = def.path("Projection");
        Statement.Projection kind = Statement.Projection.valueOf(projection.path("ProjectionType").asText("ALL"));
        List<String> include = new ArrayList<>();
        projection.path("NonKeyAttributes").forEach(a -> include.add(a.asText()));
        return new Statement.IndexDef(name, global, keys, kind, include, POS);
    }

    /** Key attribute names, HASH first. */
    static List<String> keyNames(JsonNode schema) {
        String hash = null;
        String range = null;
        for (JsonNode key : schema) {
            if (key.path("KeyType").asText().equals("HASH")) {
                hash = key.path("AttributeName").asText();
            } else {
                range = key.path("AttributeName").asText();
            }
        }
        List<String> keys = new ArrayList<>();
        if (hash != null) {
            keys.add(hash);
            if (range != null) {
                keys.add(range);
            }
        }
        return keys;
    }

    private static Iterable<JsonNode> array(JsonNode request, String member) {
        JsonNode node = request.get(member);
        return node == null || node.isNull() ? List.of() : node;
    }
}
