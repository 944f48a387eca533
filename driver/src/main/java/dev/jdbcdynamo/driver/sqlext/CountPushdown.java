package dev.jdbcdynamo.driver.sqlext;

import dev.jdbcdynamo.engine.exec.ShardItemSource;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.engine.topology.Shard;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.sql.ItemTable;
import dev.jdbcdynamo.planner.sql.SqlAccess;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.sharding.KeyspaceId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * {@code SELECT COUNT(*) FROM t} (no filter, or only the partition key equal to a literal) pushed
 * to the shards: {@code COUNT(*)} of the physical table on every shard, summed (or of the one
 * partition on its shard), instead of reading every item into Calcite. Recognised on Calcite's
 * physical plan: a global aggregate with a single {@code COUNT(*)} over a scan of one table, with
 * at most projections between them (they do not change how many rows there are). The physical
 * rows are exactly the items a scan reads, so the count is exactly Calcite's.
 */
record CountPushdown(TableDef table, AttributeValue partitionKey) {

    /** The pushdown for this physical plan, or null when the plan is not a plain count. */
    static CountPushdown of(RelNode plan) {
        RelNode node = plan;
        if (node instanceof Project p && p.getProjects().size() == 1
                && p.getProjects().get(0) instanceof RexInputRef) {
            node = p.getInput();
        }
        if (!(node instanceof Aggregate agg) || !agg.getGroupSet().isEmpty() || agg.getAggCallList().size() != 1) {
            return null;
        }
        AggregateCall call = agg.getAggCallList().get(0);
        if (call.getAggregation().getKind() != SqlKind.COUNT || !call.getArgList().isEmpty() || call.isDistinct()
                || call.filterArg >= 0) {
            return null;
        }
        RelNode input = agg.getInput();
        while (!(input instanceof TableScan)) {
            boolean passThrough = input instanceof Project
                    || input.getClass().getSimpleName().equals("EnumerableInterpreter");
            if (!passThrough || input.getInputs().size() != 1) {
                return null;
            }
            input = input.getInput(0);
        }
        ItemTable table = ((TableScan) input).getTable().unwrap(ItemTable.class);
        if (table == null) {
            return null;
        }
        List<RexNode> filters = input instanceof Bindables.BindableTableScan b ? b.filters : List.of();
        if (filters.isEmpty()) {
            return new CountPushdown(table.table(), null);
        }
        RexBuilder rex = new RexBuilder(input.getCluster().getTypeFactory());
        List<RexNode> conjuncts = filters.stream().flatMap(f -> RelOptUtil.conjunctions(f).stream()).toList();
        SqlAccess access = table.access(filters, rex);
        if (conjuncts.size() == 1 && access.kind() == SqlAccess.Kind.QUERY) {
            return new CountPushdown(table.table(), access.partitionKey());
        }
        return null;
    }

    /** The count, from the shards. */
    long count(DynamoDatabase database) throws SQLException {
        if (partitionKey == null) {
            long total = 0;
            for (Shard shard : database.shards()) {
                try (Connection c = shard.pool().getConnection(); PreparedStatement ps = c.prepareStatement(
                        "SELECT COUNT(*) FROM " + table.physicalName()); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
            return total;
        }
        ItemKeys.KeyBytes key = ItemKeys.forRead(table, partitionKey, null);
        if (key == null) {
            return 0;
        }
        Shard shard = new ShardItemSource(database).shardOf(key);
        try (Connection c = shard.pool().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM " + table.physicalName() + " WHERE kid = ? AND pk = ?")) {
            ps.setLong(1, KeyspaceId.of(key.tag(), key.pk()));
            ps.setBytes(2, key.pk());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
