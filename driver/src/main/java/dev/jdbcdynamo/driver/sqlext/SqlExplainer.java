package dev.jdbcdynamo.driver.sqlext;

import dev.jdbcdynamo.engine.exec.ShardItemSource;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.plan.IndexReads;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.PhysicalSql;
import dev.jdbcdynamo.planner.path.SortRange;
import dev.jdbcdynamo.planner.sql.ItemTable;
import dev.jdbcdynamo.planner.sql.SqlAccess;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.Hook;

/**
 * EXPLAIN of a SQL extension: a first row with Calcite's physical plan ({@code RelOptUtil.toString},
 * in the {@code sql} column, access path {@code Calcite}), then one row per table the plan reads
 * with the access path {@link SqlAccess} chooses for the filters Calcite pushed to it (Scan, Query
 * or IndexQuery), the key condition, the pushed filters, the shards and the physical SQL. A
 * {@code COUNT(*)} counted on the shards ({@link CountPushdown}) shows one {@code CountPushdown}
 * row instead of the table's. The columns are those of a PartiQL EXPLAIN.
 */
final class SqlExplainer {
    private static final Pattern EXPLAIN = Pattern.compile("(?is)^\\s*EXPLAIN\\s+(.+)$");

    private SqlExplainer() {
    }

    /** The statement an {@code EXPLAIN <statement>} explains, or null when the text is not an EXPLAIN. */
    static String explained(String sql) {
        Matcher m = EXPLAIN.matcher(sql);
        return m.matches() ? m.group(1) : null;
    }

    static List<Map<String, AttributeValue>> explain(Connection calcite, String sql, DynamoDatabase database)
            throws SQLException {
        RelNode[] plan = new RelNode[1];
        try (Hook.Closeable hook = Hook.PLAN_BEFORE_IMPLEMENTATION.addThread((RelRoot root) -> plan[0] = root.rel);
             PreparedStatement ignored = calcite.prepareStatement(sql)) {
            // Preparing runs Calcite's optimizer; the hook keeps the physical plan.
        }
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        if (plan[0] == null) {
            return rows;
        }
        rows.add(row("Calcite", "", "", "", "", RelOptUtil.toString(plan[0]).strip()));
        CountPushdown count = CountPushdown.of(plan[0]);
        if (count != null) {
            rows.add(row("CountPushdown", count.table().name(), count.partitionKey() == null ? ""
                            : count.table().partitionKey().name() + " = " + count.partitionKey(), "",
                    count.partitionKey() == null ? "all (" + database.shards().size() + ")" : "1",
                    "SELECT COUNT(*) FROM " + count.table().physicalName()
                            + (count.partitionKey() == null ? "" : " WHERE kid = ? AND pk = ?")));
            return rows;
        }
        List<TableScan> scans = new ArrayList<>();
        collect(plan[0], scans);
        RexBuilder rex = new RexBuilder(plan[0].getCluster().getTypeFactory());
        ShardItemSource source = new ShardItemSource(database);
        for (TableScan scan : scans) {
            ItemTable table = scan.getTable().unwrap(ItemTable.class);
            if (table == null) {
                continue;
            }
            List<RexNode> filters = scan instanceof Bindables.BindableTableScan b ? b.filters : List.of();
            SqlAccess access = table.access(filters, rex);
            TableDef def = table.table();
            String name = access.index() == null ? def.name() : def.name() + "." + access.index().name();
            rows.add(row(access.pathName(), name, access.keyCondition(def),
                    String.join(" AND ", filters.stream().map(RexNode::toString).toList()),
                    shards(def, access, source, database), physicalSql(def, access)));
        }
        return rows;
    }

    private static void collect(RelNode node, List<TableScan> out) {
        if (node instanceof TableScan scan) {
            out.add(scan);
        }
        for (RelNode input : node.getInputs()) {
            collect(input, out);
        }
    }

    private static String shards(TableDef table, SqlAccess access, ShardItemSource source, DynamoDatabase database) {
        if (access.kind() == SqlAccess.Kind.SCAN) {
            return "all (" + database.shards().size() + ")";
        }
        TableDef keys = access.index() == null ? table : IndexReads.keySchema(table, access.index());
        ItemKeys.KeyBytes key = ItemKeys.forRead(keys, access.partitionKey(), null);
        return key == null ? "none" : "1 (" + source.shardOf(key).name() + ")";
    }

    private static String physicalSql(TableDef table, SqlAccess access) {
        return switch (access.kind()) {
            case SCAN -> PhysicalSql.scan(table);
            case QUERY -> PhysicalSql.query(table, PhysicalSql.Bound.NONE, PhysicalSql.Bound.NONE, false);
            case INDEX_QUERY -> {
                IndexDef index = access.index();
                SortRange r = access.range();
                PhysicalSql.Bound lower = r.lower() == null ? PhysicalSql.Bound.NONE
                        : r.lowerInclusive() ? PhysicalSql.Bound.INCLUSIVE : PhysicalSql.Bound.EXCLUSIVE;
                PhysicalSql.Bound upper = r.upper() == null ? PhysicalSql.Bound.NONE
                        : r.upperInclusive() ? PhysicalSql.Bound.INCLUSIVE : PhysicalSql.Bound.EXCLUSIVE;
                yield index.global() ? PhysicalSql.globalIndexQuery(table, index, lower, upper, false)
                        : PhysicalSql.localIndexQuery(table, index, lower, upper, false);
            }
        };
    }

    private static Map<String, AttributeValue> row(String path, String table, String key, String filter,
                                                   String shards, String sql) {
        Map<String, AttributeValue> row = new LinkedHashMap<>();
        row.put("access_path", new AttributeValue.S(path));
        row.put("table", new AttributeValue.S(table));
        row.put("key_condition", new AttributeValue.S(key));
        row.put("filter", new AttributeValue.S(filter));
        row.put("shards", new AttributeValue.S(shards));
        row.put("sql", new AttributeValue.S(sql));
        return row;
    }
}
