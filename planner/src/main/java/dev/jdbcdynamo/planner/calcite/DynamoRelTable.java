package dev.jdbcdynamo.planner.calcite;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.TableDef;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A DynamoDB table as Calcite sees it: the key attributes as typed columns (partition key
 * first, then sort key), then {@code _item}, the whole item. Scanning it gives a {@link DynamoTableScan}.
 */
final class DynamoRelTable extends AbstractTable implements TranslatableTable {
    static final String ITEM_COLUMN = "_item";

    private final TableDef table;

    DynamoRelTable(TableDef table) {
        this.table = requireNonNull(table, "table is null");
    }

    TableDef definition() {
        return table;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (KeyAttribute key : table.keyAttributes()) {
            builder.add(key.name(), typeOf(typeFactory, key));
        }
        builder.add(ITEM_COLUMN, typeFactory.createSqlType(SqlTypeName.ANY));
        return builder.build();
    }

    static RelDataType typeOf(RelDataTypeFactory typeFactory, KeyAttribute key) {
        return switch (key.type()) {
            case S -> typeFactory.createSqlType(SqlTypeName.VARCHAR);
            case N -> typeFactory.createSqlType(SqlTypeName.DECIMAL, 38, 0);
            case B -> typeFactory.createSqlType(SqlTypeName.VARBINARY);
        };
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return new DynamoTableScan(context.getCluster(), relOptTable, table);
    }
}
