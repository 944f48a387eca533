package dev.jdbcdynamo.server;

import dev.jdbcdynamo.engine.Database;
import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Pos;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tables, keys and key conditions of item requests, as statements of the planner's AST. */
final class ItemKeys {
    static final Pos POS = new Pos(1, 1, 0);

    private ItemKeys() {
    }

    static TableDef table(Database database, String name) {
        return database.table(name).orElseThrow(() -> ApiException.notFound(
                "Requested resource not found"));
    }

    static Statement.TableRef ref(TableDef table, String index) {
        return new Statement.TableRef(table.name(), index, null, POS);
    }

    /** The key of an item or a Key member, checked against the table's schema as DynamoDB does. */
    static Map<String, AttributeValue> key(TableDef table, Map<String, AttributeValue> given, boolean wholeItem) {
        if (given == null) {
            throw ApiException.validation("1 validation error detected: Value null at 'key' failed to satisfy"
                    + " constraint: Member must not be null");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (KeyAttribute attribute : table.keyAttributes()) {
            AttributeValue value = given.get(attribute.name());
            if (value == null) {
                throw ApiException.validation(wholeItem
                        ? "One or more parameter values were invalid: Missing the key " + attribute.name() + " in the item"
                        : "The provided key element does not match the schema");
            }
            if (!value.getClass().getSimpleName().equals(attribute.type().name())) {
                throw ApiException.validation(wholeItem
                        ? "One or more parameter values were invalid: Type mismatch for key " + attribute.name()
                        + " expected: " + attribute.type().name() + " actual: " + value.getClass().getSimpleName()
                        : "The provided key element does not match the schema");
            }
            key.put(attribute.name(), value);
        }
        if (!wholeItem && given.size() != key.size()) {
            throw ApiException.validation("The provided key element does not match the schema");
        }
        return key;
    }

    static Expr keyCondition(Map<String, AttributeValue> key) {
        Expr where = null;
        for (Map.Entry<String, AttributeValue> e : key.entrySet()) {
            Expr eq = new Expr.Compare(Expr.CompareOp.EQ, new Expr.PathRef(Path.of(e.getKey()), POS),
                    new Expr.Literal(e.getValue(), POS), POS);
            where = where == null ? eq : new Expr.And(where, eq, POS);
        }
        return where;
    }

    static Expr and(Expr left, Expr right) {
        return right == null ? left : left == null ? right : new Expr.And(left, right, POS);
    }

    static Statement.Select select(TableDef table, String index, Expr where, List<Path> projection,
                                   Statement.OrderItem order) {
        List<Statement.SelectItem> items = new ArrayList<>();
        if (projection != null) {
            projection.forEach(p -> items.add(new Statement.SelectItem(new Expr.PathRef(p, POS), null, POS)));
        }
        return new Statement.Select(false, items, new Statement.FromTable(ref(table, index)), where, List.of(), null,
                order == null ? List.of() : List.of(order), null, null, POS);
    }

    /** The key attributes an item answers in LastEvaluatedKey: the table's and the index's. */
    static List<String> pageKey(TableDef table, String index) {
        List<String> names = new ArrayList<>();
        table.keyAttributes().forEach(k -> names.add(k.name()));
        if (index != null) {
            IndexDef def = table.index(index).orElseThrow(() -> ApiException.validation(
                    "The table does not have the specified index: " + index));
            if (def.global() && def.partitionKey() != null && !names.contains(def.partitionKey().name())) {
                names.add(def.partitionKey().name());
            }
            if (def.sortKey() != null && !names.contains(def.sortKey().name())) {
                names.add(def.sortKey().name());
            }
        }
        return names;
    }

    /** The sort key a query over the table or an index orders by, or null. */
    static KeyAttribute sortKey(TableDef table, String index) {
        if (index == null) {
            return table.sortKey();
        }
        return table.index(index).map(IndexDef::sortKey).orElse(null);
    }
}
