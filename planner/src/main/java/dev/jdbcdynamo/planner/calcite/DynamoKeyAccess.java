package dev.jdbcdynamo.planner.calcite;

import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.path.AccessPath;
import java.util.List;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;

/**
 * A table read through a chosen {@link AccessPath}: the leaf a plan ends in once the key rules
 * have fired. It prints its path in plan strings, so golden tests show the choice.
 */
final class DynamoKeyAccess extends TableScan {
    private final TableDef table;
    private final AccessPath path;

    DynamoKeyAccess(RelOptCluster cluster, RelOptTable relOptTable, TableDef table, AccessPath path) {
        super(cluster, cluster.traitSetOf(Convention.NONE), List.of(), relOptTable);
        this.table = table;
        this.path = path;
    }

    TableDef definition() {
        return table;
    }

    AccessPath path() {
        return path;
    }

    DynamoKeyAccess withPath(AccessPath newPath) {
        return new DynamoKeyAccess(getCluster(), getTable(), table, newPath);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        // The whole path, not just its kind: HepPlanner identifies nodes by this digest.
        return super.explainTerms(pw).item("path", path.kind()).item("key", path);
    }
}
