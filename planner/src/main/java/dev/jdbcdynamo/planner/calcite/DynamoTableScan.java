package dev.jdbcdynamo.planner.calcite;

import dev.jdbcdynamo.planner.catalog.TableDef;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.core.TableScan;

/** The logical scan of a DynamoDB table, before a rule picks how to reach its items. */
final class DynamoTableScan extends TableScan {
    private final TableDef table;

    DynamoTableScan(RelOptCluster cluster, RelOptTable relOptTable, TableDef table) {
        super(cluster, cluster.traitSetOf(Convention.NONE), List.of(), relOptTable);
        this.table = table;
    }

    TableDef definition() {
        return table;
    }
}
