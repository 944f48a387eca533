package dev.jdbcdynamo.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jdbcdynamo.engine.Database;
import dev.jdbcdynamo.engine.Result;
import dev.jdbcdynamo.engine.Session;
import dev.jdbcdynamo.engine.SessionOptions;
import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.eval.ConditionEvaluator;
import dev.jdbcdynamo.planner.eval.DocumentProjection;
import dev.jdbcdynamo.planner.eval.UpdateApplier;
import dev.jdbcdynamo.planner.parse.DynamoExpressionParser;
import dev.jdbcdynamo.planner.parse.ParsedStatement;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GetItem, PutItem, DeleteItem and UpdateItem as statements of the planner's AST on the engine's
 * write path. PutItem over an existing item and UpdateItem of a missing one (which PartiQL cannot
 * say) read the item first, then write with the condition in the statement (the engine's
 * compare-and-set), and retry when the item appeared or went in between.
 */
final class ItemOperations {
    private static final int ATTEMPTS = 5;
    private final Database database;

    ItemOperations(Database database) {
        this.database = database;
    }

    ObjectNode get(ObjectNode request) {
        TableDef table = ItemKeys.table(database, Json.required(request, "TableName"));
        Map<String, AttributeValue> key = ItemKeys.key(table, Json.item(request, "Key"), false);
        DynamoExpressionParser parser = new DynamoExpressionParser(Json.names(request), null);
        String projectionText = Json.text(request, "ProjectionExpression");
        List<Path> projection = projectionText == null ? null : parser.projection(projectionText);
        parser.checkAllUsed();
        Boolean consistent = Json.bool(request, "ConsistentRead");
        SessionOptions options = SessionOptions.partiql()
                .withConsistentRead(Boolean.TRUE.equals(consistent) ? Boolean.TRUE : null);
        ObjectNode answer = Json.MAPPER.createObjectNode();
        try (Session session = database.openSession(options)) {
            Map<String, AttributeValue> item = first(session.execute(new ParsedStatement(
                    ItemKeys.select(table, null, ItemKeys.keyCondition(key), null, null), 0), List.of()));
            if (item != null) {
                answer.set("Item", Json.itemJson(projection == null ? item : DocumentProjection.project(projection, item)));
            }
        }
        return answer;
    }

    ObjectNode put(ObjectNode request) {
        TableDef table = ItemKeys.table(database, Json.required(request, "TableName"));
        Map<String, AttributeValue> item = Json.item(request, "Item");
        Map<String, AttributeValue> key = ItemKeys.key(table, item, true);
        DynamoExpressionParser parser = parser(request);
        Expr condition = condition(parser, request);
        parser.checkAllUsed();
        String returnValues = returnValues(request, "NONE", "ALL_OLD");
        for (int attempt = 0; ; attempt++) {
            try (Session session = session(request)) {
                Map<String, AttributeValue> old = read(session, table, key);
                Map<String, AttributeValue> written;
                if (old == null) {
                    check(condition, key, null, request);
                    insert(session, table, item);
                    return Json.MAPPER.createObjectNode();
                }
                List<Statement.UpdateAction> actions = new ArrayList<>();
                item.forEach((name, value) -> {
                    if (!key.containsKey(name)) {
                        actions.add(new Statement.SetAction(Path.of(name), new Expr.Literal(value, ItemKeys.POS), ItemKeys.POS));
                    }
                });
                old.keySet().stream().filter(name -> !item.containsKey(name))
                        .forEach(name -> actions.add(new Statement.RemoveAction(Path.of(name), ItemKeys.POS)));
                if (actions.isEmpty()) {
                    check(condition, old, old, request);
                    written = old;
                } else {
                    written = first(session.execute(new ParsedStatement(new Statement.Update(ItemKeys.ref(table, null),
                            actions, ItemKeys.and(ItemKeys.keyCondition(key), condition), Statement.Returning.ALL_OLD,
                            ItemKeys.POS), 0), List.of()));
                }
                ObjectNode answer = Json.MAPPER.createObjectNode();
                if (returnValues.equals("ALL_OLD") && written != null) {
                    answer.set("Attributes", Json.itemJson(written));
                }
                return answer;
            } catch (DynamoException e) {
                if (!retryable(e) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    ObjectNode delete(ObjectNode request) {
        TableDef table = ItemKeys.table(database, Json.required(request, "TableName"));
        Map<String, AttributeValue> key = ItemKeys.key(table, Json.item(request, "Key"), false);
        DynamoExpressionParser parser = parser(request);
        Expr condition = condition(parser, request);
        parser.checkAllUsed();
        String returnValues = returnValues(request, "NONE", "ALL_OLD");
        ObjectNode answer = Json.MAPPER.createObjectNode();
        try (Session session = session(request)) {
            if (condition != null && read(session, table, key) == null) {
                check(condition, key, null, request);
                return answer;
            }
            Map<String, AttributeValue> old = first(session.execute(new ParsedStatement(new Statement.Delete(
                    ItemKeys.ref(table, null), ItemKeys.and(ItemKeys.keyCondition(key), condition),
                    Statement.Returning.ALL_OLD, ItemKeys.POS), 0), List.of()));
            if (returnValues.equals("ALL_OLD") && old != null) {
                answer.set("Attributes", Json.itemJson(old));
            }
        }
        return answer;
    }

    ObjectNode update(ObjectNode request) {
        TableDef table = ItemKeys.table(database, Json.required(request, "TableName"));
        Map<String, AttributeValue> key = ItemKeys.key(table, Json.item(request, "Key"), false);
        DynamoExpressionParser parser = parser(request);
        String updateText = Json.text(request, "UpdateExpression");
        List<Statement.UpdateAction> actions = updateText == null ? List.of() : parser.update(updateText);
        Expr condition = condition(parser, request);
        parser.checkAllUsed();
        for (Statement.UpdateAction action : actions) {
            Path path = action instanceof Statement.SetAction s ? s.path() : ((Statement.RemoveAction) action).path();
            if (key.containsKey(path.root())) {
                throw ApiException.validation("One or more parameter values were invalid: Cannot update attribute "
                        + path.root() + ". This attribute is part of the key");
            }
        }
        String returnValues = returnValues(request, "NONE", "ALL_OLD", "ALL_NEW", "UPDATED_OLD", "UPDATED_NEW");
        for (int attempt = 0; ; attempt++) {
            try (Session session = session(request)) {
                Map<String, AttributeValue> old = read(session, table, key);
                ObjectNode answer = Json.MAPPER.createObjectNode();
                if (old == null) {
                    check(condition, key, null, request);
                    UpdateApplier.Result applied = UpdateApplier.apply(key, actions, List.of());
                    insert(session, table, applied.item());
                    Map<String, AttributeValue> attributes = switch (returnValues) {
                        case "ALL_NEW" -> applied.item();
                        case "UPDATED_NEW" -> only(applied.item(), applied.modifiedNew());
                        default -> null;
                    };
                    if (attributes != null) {
                        answer.set("Attributes", Json.itemJson(attributes));
                    }
                    return answer;
                }
                if (actions.isEmpty()) {
                    check(condition, old, old, request);
                    return answer;
                }
                Statement.Returning returning = switch (returnValues) {
                    case "ALL_OLD" -> Statement.Returning.ALL_OLD;
                    case "ALL_NEW" -> Statement.Returning.ALL_NEW;
                    case "UPDATED_OLD" -> Statement.Returning.MODIFIED_OLD;
                    case "UPDATED_NEW" -> Statement.Returning.MODIFIED_NEW;
                    default -> Statement.Returning.NONE;
                };
                Map<String, AttributeValue> attributes = first(session.execute(new ParsedStatement(new Statement.Update(
                        ItemKeys.ref(table, null), actions, ItemKeys.and(ItemKeys.keyCondition(key), condition),
                        returning, ItemKeys.POS), 0), List.of()));
                if (returning != Statement.Returning.NONE && attributes != null) {
                    answer.set("Attributes", Json.itemJson(attributes));
                }
                return answer;
            } catch (DynamoException e) {
                if (!retryable(e) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** A race with another writer: the item appeared (DuplicateItem) or went (a failed update) between read and write. */
    private boolean retryable(DynamoException e) {
        return e.code() == ErrorCode.DUPLICATE_ITEM;
    }

    private static Map<String, AttributeValue> only(Map<String, AttributeValue> item, java.util.Set<String> names) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        item.forEach((k, v) -> {
            if (names.contains(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static DynamoExpressionParser parser(ObjectNode request) {
        return new DynamoExpressionParser(Json.names(request), Json.item(request, "ExpressionAttributeValues"));
    }

    private static Expr condition(DynamoExpressionParser parser, ObjectNode request) {
        String text = Json.text(request, "ConditionExpression");
        if (text == null) {
            return null;
        }
        Expr condition = parser.condition(text);
        // checked here too: a condition on a missing item never reaches a statement
        ConditionEvaluator.validate(condition);
        return condition;
    }

    /** DynamoDB's check of a condition on an item that is not written through a conditional statement. */
    private static void check(Expr condition, Map<String, AttributeValue> item, Map<String, AttributeValue> old,
                              ObjectNode request) {
        if (condition == null || ConditionEvaluator.test(condition, old == null ? Map.of() : item, List.of())) {
            return;
        }
        DynamoException failed = ErrorCode.CONDITIONAL_CHECK_FAILED.error();
        throw old != null && "ALL_OLD".equals(Json.text(request, "ReturnValuesOnConditionCheckFailure"))
                ? failed.withOldItem(old) : failed;
    }

    private Session session(ObjectNode request) {
        boolean returnOld = "ALL_OLD".equals(Json.text(request, "ReturnValuesOnConditionCheckFailure"));
        return database.openSession(SessionOptions.partiql().withReturnOldOnConditionCheckFailure(returnOld));
    }

    private static Map<String, AttributeValue> read(Session session, TableDef table, Map<String, AttributeValue> key) {
        return first(session.execute(new ParsedStatement(
                ItemKeys.select(table, null, ItemKeys.keyCondition(key), null, null), 0), List.of()));
    }

    private static void insert(Session session, TableDef table, Map<String, AttributeValue> item) {
        session.execute(new ParsedStatement(new Statement.Insert(ItemKeys.ref(table, null),
                new Expr.Literal(new AttributeValue.M(item), ItemKeys.POS), ItemKeys.POS), 0), List.of());
    }

    private static Map<String, AttributeValue> first(Result result) {
        if (result instanceof Result.Items items) {
            List<Map<String, AttributeValue>> all = items.toList();
            return all.isEmpty() ? null : all.get(0);
        }
        return null;
    }

    private static String returnValues(ObjectNode request, String... allowed) {
        String value = Json.text(request, "ReturnValues");
        if (value == null) {
            return "NONE";
        }
        if (!List.of(allowed).contains(value)) {
            throw ApiException.validation("Return values set to invalid value");
        }
        return value;
    }
}
