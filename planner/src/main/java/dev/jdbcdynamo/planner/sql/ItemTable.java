package dev.jdbcdynamo.planner.sql;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.KeyType;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.JavaValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.FilterableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A DynamoDB table as Calcite sees it for the SQL extensions: one column per key and declared
 * attribute (S as VARCHAR, N as exact DECIMAL, B as VARBINARY; null when an item has no such
 * attribute or one of another type), then {@value #ITEM_COLUMN}, a map of every attribute, to reach
 * the others ({@code item['price']}). How the filters choose a Query, an IndexQuery or a Scan:
 * {@link SqlAccess}. Calcite still applies every filter to the rows.
 */
public final class ItemTable extends AbstractTable implements FilterableTable {
    /** The column that holds the whole item. */
    public static final String ITEM_COLUMN = "item";

    private final TableDef table;
    private final ItemSource source;
    private final List<KeyAttribute> columns;

    public ItemTable(TableDef table, ItemSource source) {
        this.table = requireNonNull(table, "table is null");
        this.source = requireNonNull(source, "source is null");
        this.columns = table.typedAttributes().stream().filter(a -> !a.name().equals(ITEM_COLUMN)).toList();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory types) {
        RelDataTypeFactory.Builder row = types.builder();
        for (KeyAttribute a : columns) {
            RelDataType type = switch (a.type()) {
                case S -> types.createSqlType(SqlTypeName.VARCHAR);
                case N -> types.createSqlType(SqlTypeName.DECIMAL, 38, DynamoTypeSystem.NUMBER_SCALE);
                case B -> types.createSqlType(SqlTypeName.VARBINARY);
            };
            row.add(a.name(), types.createTypeWithNullability(type, !table.isKeyAttribute(a.name())));
        }
        row.add(ITEM_COLUMN, types.createMapType(types.createSqlType(SqlTypeName.VARCHAR),
                types.createTypeWithNullability(types.createSqlType(SqlTypeName.ANY), true)));
        return row.build();
    }

    /** The shards' row count (for Calcite's costs: join order, which side to hash) and the unique key. */
    @Override
    public Statistic getStatistic() {
        List<Integer> key = new java.util.ArrayList<>();
        for (KeyAttribute k : table.keyAttributes()) {
            key.add(columns.indexOf(k));
        }
        return Statistics.of(source.rowCount(table), List.of(ImmutableBitSet.of(key)));
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root, List<RexNode> filters) {
        SqlAccess access = access(filters, new RexBuilder(root.getTypeFactory()));
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                ItemCursor cursor = switch (access.kind()) {
                    case SCAN -> source.scan(table);
                    case QUERY -> source.partition(table, access.partitionKey());
                    case INDEX_QUERY -> source.index(table, access.index(), access.partitionKey(), access.range());
                };
                return new RowEnumerator(cursor);
            }
        };
    }

    /** How this table is read for the filters Calcite pushes to it. */
    public SqlAccess access(List<RexNode> filters, RexBuilder rex) {
        return SqlAccess.choose(table, columns, filters, rex);
    }

    /** The table this SQL table reads. */
    public TableDef table() {
        return table;
    }

    /** An item as a row of this table. */
    Object[] row(Map<String, AttributeValue> item) {
        Object[] row = new Object[columns.size() + 1];
        for (int i = 0; i < columns.size(); i++) {
            KeyAttribute a = columns.get(i);
            AttributeValue v = item.get(a.name());
            if (a.type() == KeyType.S && v instanceof AttributeValue.S s) {
                row[i] = s.value();
            } else if (a.type() == KeyType.N && v instanceof AttributeValue.N n) {
                row[i] = n.value();
            } else if (a.type() == KeyType.B && v instanceof AttributeValue.B b) {
                row[i] = new ByteString(b.value().toArray());
            }
        }
        Map<String, Object> all = new LinkedHashMap<>();
        item.forEach((name, value) -> all.put(name, JavaValues.toJava(value)));
        row[columns.size()] = all;
        return row;
    }

    /** Rows of a cursor of items. */
    private final class RowEnumerator implements Enumerator<Object[]> {
        private final ItemCursor cursor;
        private Object[] current;

        RowEnumerator(ItemCursor cursor) {
            this.cursor = cursor;
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            Map<String, AttributeValue> item = cursor.next();
            current = item == null ? null : row(item);
            return item != null;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException("reset");
        }

        @Override
        public void close() {
            cursor.close();
        }
    }
}
