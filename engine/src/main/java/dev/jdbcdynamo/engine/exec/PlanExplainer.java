package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.engine.topology.ShardMap;
import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.parse.AstPrinter;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.PhysicalSql;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.path.SortRange;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import dev.jdbcdynamo.sharding.KeyspaceId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EXPLAIN: one row describing a plan (access path, table, key condition, residual filter, the
 * shards it touches, the physical SQL).
 */
public final class PlanExplainer {
    private PlanExplainer() {
    }

    public static List<Map<String, AttributeValue>> explain(Plan plan, ShardMap database) {
        Map<String, AttributeValue> row = new LinkedHashMap<>();
        if (plan instanceof Plan.Select select && select.path() instanceof AccessPath.IndexQuery query) {
            IndexExplainer.describe(row, select, query, database);
        } else if (plan instanceof Plan.Select select) {
            TableDef table = select.table();
            row.put("access_path", s(select.path().kind()));
            row.put("table", s(table.name()));
            row.put("key_condition", s(keyCondition(table, select.path())));
            row.put("filter", s(select.filter() == null ? "" : AstPrinter.expr(select.filter())));
            row.put("shards", s(shards(select.path(), table, database)));
            row.put("sql", s(sql(table, select.path())));
        } else if (plan instanceof Plan.Insert insert) {
            describeWrite(row, "PutItem", insert.table(), "from the item", PhysicalSql.insert(insert.table()));
        } else if (plan instanceof Plan.Update update) {
            describeWrite(row, "UpdateItem", update.table(), keyCondition(update.table(), update.key()),
                    PhysicalSql.getItemForUpdate(update.table()) + "; " + PhysicalSql.replaceItem(update.table()));
        } else if (plan instanceof Plan.Delete delete) {
            describeWrite(row, "DeleteItem", delete.table(), keyCondition(delete.table(), delete.key()),
                    PhysicalSql.delete(delete.table()));
        } else {
            row.put("access_path", s(plan.getClass().getSimpleName()));
            row.put("shards", s("all"));
        }
        return List.of(row);
    }

    private static void describeWrite(Map<String, AttributeValue> row, String kind, TableDef table, String key,
                                      String sql) {
        row.put("access_path", s(kind));
        row.put("table", s(table.name()));
        row.put("key_condition", s(key));
        row.put("filter", s(""));
        row.put("shards", s("1 (by key)"));
        row.put("sql", s(sql));
    }

    static String keyCondition(TableDef table, AccessPath path) {
        String pk = table.partitionKey().name();
        String sk = table.hasSortKey() ? table.sortKey().name() : null;
        if (path instanceof AccessPath.GetItem get) {
            return pk + " = " + value(get.partitionValue()) + (sk == null ? "" : " AND " + sk + " = "
                    + value(get.sortValue()));
        } else if (path instanceof AccessPath.Query q) {
            return pk + " = " + value(q.partitionValue()) + range(sk, q.range()) + (q.descending() ? " DESC" : "");
        } else if (path instanceof AccessPath.MultiQuery m) {
            return pk + " IN (" + String.join(", ", m.partitionValues().stream().map(PlanExplainer::value).toList())
                    + ")" + range(sk, m.range());
        }
        return "";
    }

    private static String range(String sk, SortRange r) {
        if (r.isAll()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        if (r.lower() != null) {
            sb.append(" AND ").append(sk).append(r.lowerInclusive() ? " >= " : " > ").append(value(r.lower()));
        }
        if (r.upper() != null) {
            sb.append(" AND ").append(sk).append(r.upperInclusive() ? " <= " : " < ").append(value(r.upper()));
        }
        if (r.prefix() != null) {
            sb.append(" AND begins_with(").append(sk).append(", ").append(value(r.prefix())).append(")");
        }
        return sb.toString();
    }

    private static String value(Expr expr) {
        if (expr instanceof Expr.Parameter p) {
            return "?" + (p.index() + 1);
        }
        if (expr instanceof Expr.Literal l) {
            return DynamoJson.writeValue(l.value());
        }
        return AstPrinter.expr(expr);
    }

    private static String shards(AccessPath path, TableDef table, ShardMap database) {
        if (path instanceof AccessPath.Scan) {
            return "all " + database.shards().size();
        }
        if (path instanceof AccessPath.GetItem get && get.partitionValue() instanceof Expr.Literal l) {
            return shardOf(l.value(), database);
        }
        if (path instanceof AccessPath.Query q && q.partitionValue() instanceof Expr.Literal l) {
            return shardOf(l.value(), database);
        }
        if (path instanceof AccessPath.MultiQuery m) {
            return "at most " + Math.min(m.partitionValues().size(), database.shards().size());
        }
        return "1 (by key)";
    }

    static String shardOf(AttributeValue pk, ShardMap database) {
        if (!(pk instanceof AttributeValue.S || pk instanceof AttributeValue.N || pk instanceof AttributeValue.B)) {
            return "none";
        }
        long kid = KeyspaceId.of(dev.jdbcdynamo.planner.value.KeyCodec.typeTag(pk),
                dev.jdbcdynamo.planner.value.KeyCodec.encode(pk));
        return "1: " + database.ring().shardFor(kid);
    }

    private static String sql(TableDef table, AccessPath path) {
        if (path instanceof AccessPath.GetItem) {
            return PhysicalSql.getItem(table);
        } else if (path instanceof AccessPath.Scan) {
            return PhysicalSql.scan(table);
        }
        boolean desc = path instanceof AccessPath.Query q ? q.descending() : ((AccessPath.MultiQuery) path).descending();
        SortRange r = path instanceof AccessPath.Query q ? q.range() : ((AccessPath.MultiQuery) path).range();
        return PhysicalSql.query(table, PhysicalSql.lowerBound(r), PhysicalSql.upperBound(r), desc);
    }

    static AttributeValue s(String text) {
        return new AttributeValue.S(text);
    }
}
