package dev.jdbcdynamo.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jdbcdynamo.engine.Database;
import dev.jdbcdynamo.engine.Result;
import dev.jdbcdynamo.engine.Session;
import dev.jdbcdynamo.engine.SessionOptions;
import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.eval.DocumentProjection;
import dev.jdbcdynamo.planner.parse.DynamoExpressionParser;
import dev.jdbcdynamo.planner.parse.ParsedStatement;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Query and Scan as SELECTs of the planner's AST: the key condition and the filter together in
 * WHERE (so Limit counts the items that match the filter, not those read: a difference from
 * DynamoDB, documented), pages resumed after ExclusiveStartKey in the statement's own order.
 */
final class ReadOperations {
    private final Database database;
    private final boolean gsiReadYourWrites;

    ReadOperations(Database database, boolean gsiReadYourWrites) {
        this.database = database;
        this.gsiReadYourWrites = gsiReadYourWrites;
    }

    ObjectNode query(ObjectNode request) {
        TableDef table = ItemKeys.table(database, Json.required(request, "TableName"));
        String index = Json.text(request, "IndexName");
        DynamoExpressionParser parser = parser(request);
        String keyText = Json.text(request, "KeyConditionExpression");
        if (keyText == null) {
            throw ApiException.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Expr key = parser.condition(keyText);
        Expr where = ItemKeys.and(key, filter(parser, request));
        List<Path> projection = projection(parser, request);
        parser.checkAllUsed();
        KeyAttribute sortKey = ItemKeys.sortKey(table, index);
        Statement.OrderItem order = sortKey == null || !Boolean.FALSE.equals(Json.bool(request, "ScanIndexForward")) ? null
                : new Statement.OrderItem(new Expr.PathRef(Path.of(sortKey.name()), ItemKeys.POS), true, ItemKeys.POS);
        return page(request, table, index, ItemKeys.select(table, index, where, null, order), projection, 0, 1);
    }

    ObjectNode scan(ObjectNode request) {
        TableDef table = ItemKeys.table(database, Json.required(request, "TableName"));
        String index = Json.text(request, "IndexName");
        DynamoExpressionParser parser = parser(request);
        Expr where = filter(parser, request);
        List<Path> projection = projection(parser, request);
        parser.checkAllUsed();
        Integer segment = Json.integer(request, "Segment");
        Integer total = Json.integer(request, "TotalSegments");
        if ((segment == null) != (total == null) || total != null && (total < 1 || segment < 0 || segment >= total)) {
            throw ApiException.validation("The Segment parameter is required but was not present in the request when"
                    + " parameter TotalSegments is present, and must be less than TotalSegments");
        }
        return page(request, table, index, ItemKeys.select(table, index, where, null, null), projection,
                segment == null ? 0 : segment, total == null ? 1 : total);
    }

    private ObjectNode page(ObjectNode request, TableDef table, String index, Statement.Select select,
                            List<Path> projection, int segment, int totalSegments) {
        Integer limit = Json.integer(request, "Limit");
        if (limit != null && limit < 1) {
            throw ApiException.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to"
                    + " satisfy constraint: Member must have value greater than or equal to 1");
        }
        List<String> pageKey = ItemKeys.pageKey(table, index);
        Map<String, AttributeValue> start = Json.item(request, "ExclusiveStartKey");
        boolean count = "COUNT".equals(Json.text(request, "Select"));
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode out = count ? null : answer.putArray("Items");
        int returned = 0;
        SessionOptions options = SessionOptions.partiql()
                .withConsistentRead(Boolean.TRUE.equals(Json.bool(request, "ConsistentRead")) ? Boolean.TRUE : null)
                .withGsiReadYourWrites(gsiReadYourWrites);
        try (Session session = database.openSession(options);
             Result.Items read = (Result.Items) session.execute(new ParsedStatement(select, 0), List.of())) {
            boolean skipping = start != null;
            Map<String, AttributeValue> last = null;
            while (read.hasNext()) {
                Map<String, AttributeValue> item = read.next();
                if (skipping) {
                    skipping = !keyOf(item, pageKey).equals(start);
                    continue;
                }
                if (totalSegments > 1 && Math.floorMod(DynamoJson.canonicalValue(
                        item.get(table.partitionKey().name())).hashCode(), totalSegments) != segment) {
                    continue;
                }
                if (limit != null && returned == limit) {
                    answer.set("LastEvaluatedKey", Json.itemJson(keyOf(last, pageKey)));
                    break;
                }
                if (!count) {
                    out.add(Json.itemJson(projection == null ? item : DocumentProjection.project(projection, item)));
                }
                last = item;
                returned++;
            }
        }
        answer.put("Count", returned);
        answer.put("ScannedCount", returned);
        return answer;
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, List<String> names) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : names) {
            if (item.get(name) != null) {
                key.put(name, item.get(name));
            }
        }
        return key;
    }

    private static DynamoExpressionParser parser(ObjectNode request) {
        return new DynamoExpressionParser(Json.names(request), Json.item(request, "ExpressionAttributeValues"));
    }

    private static Expr filter(DynamoExpressionParser parser, ObjectNode request) {
        String text = Json.text(request, "FilterExpression");
        return text == null ? null : parser.condition(text);
    }

    private static List<Path> projection(DynamoExpressionParser parser, ObjectNode request) {
        String text = Json.text(request, "ProjectionExpression");
        return text == null ? null : parser.projection(text);
    }
}
