package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.engine.topology.ShardMap;
import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.parse.AstPrinter;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.IndexReads;
import dev.jdbcdynamo.planner.plan.PhysicalSql;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.path.SortRange;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.Map;

/** EXPLAIN of a read of a secondary index: the same columns as a table read, plus the index. */
final class IndexExplainer {
    private IndexExplainer() {
    }

    static void describe(Map<String, AttributeValue> row, Plan.Select select, AccessPath.IndexQuery query,
                         ShardMap database) {
        TableDef table = select.table();
        IndexDef index = query.index();
        TableDef keys = IndexReads.keySchema(table, index);
        AccessPath path = query.path();
        row.put("access_path", PlanExplainer.s(query.kind()));
        row.put("table", PlanExplainer.s(table.name()));
        row.put("index", PlanExplainer.s(index.name() + (index.global() ? " (global" : " (local") + ", projection "
                + index.projection() + (index.global() ? ", eventually consistent)" : ", strongly consistent)")));
        row.put("key_condition", PlanExplainer.s(PlanExplainer.keyCondition(keys, path)));
        row.put("filter", PlanExplainer.s(select.filter() == null ? "" : AstPrinter.expr(select.filter())));
        row.put("shards", PlanExplainer.s(shards(path, database)));
        row.put("sql", PlanExplainer.s(sql(table, index, path)));
    }

    private static String shards(AccessPath path, ShardMap database) {
        if (path instanceof AccessPath.Query q) {
            return q.partitionValue() instanceof Expr.Literal l ? PlanExplainer.shardOf(l.value(), database)
                    : "1 (by key)";
        } else if (path instanceof AccessPath.MultiQuery m) {
            return "at most " + Math.min(m.partitionValues().size(), database.shards().size());
        }
        return "all " + database.shards().size();
    }

    private static String sql(TableDef table, IndexDef index, AccessPath path) {
        if (path instanceof AccessPath.Scan) {
            return index.global() ? PhysicalSql.globalIndexScan(table, index) : PhysicalSql.localIndexScan(table, index);
        }
        boolean desc = path instanceof AccessPath.Query q ? q.descending() : ((AccessPath.MultiQuery) path).descending();
        SortRange r = path instanceof AccessPath.Query q ? q.range() : ((AccessPath.MultiQuery) path).range();
        PhysicalSql.Bound lower = PhysicalSql.lowerBound(r);
        PhysicalSql.Bound upper = PhysicalSql.upperBound(r);
        return index.global() ? PhysicalSql.globalIndexQuery(table, index, lower, upper, desc)
                : PhysicalSql.localIndexQuery(table, index, lower, upper, desc);
    }
}
