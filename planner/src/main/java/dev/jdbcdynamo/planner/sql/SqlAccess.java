package dev.jdbcdynamo.planner.sql;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.KeyType;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.path.SortRange;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * How a SQL table is read for the filters Calcite pushed to it (conjuncts; Calcite still applies
 * every one of them to the rows, so the choice changes which items are read, never the answer):
 * <ol>
 *   <li>{@code Query}: the partition key equals a literal and no local index has a condition on its
 *   sort key: the one partition, on one shard (strongly consistent);</li>
 *   <li>{@code IndexQuery} of a local index: the partition key equals a literal and the local
 *   index's sort key has a condition (=, &lt;, &lt;=, &gt;, &gt;=, BETWEEN) while the table's sort key
 *   has none: that range of the index, on the partition's shard (a local index holds whole items);</li>
 *   <li>{@code IndexQuery} of a global index: an ACTIVE global index projecting ALL (the SQL row
 *   exposes every attribute through {@code item}) whose partition key equals a literal, with an
 *   optional range on its sort key: one index partition, on one shard (eventually consistent, as
 *   DynamoDB's global indexes are);</li>
 *   <li>{@code Scan}: every shard.</li>
 * </ol>
 */
public record SqlAccess(Kind kind, IndexDef index, AttributeValue partitionKey, SortRange range) {
    /** The access paths of a SQL table. */
    public enum Kind {
        SCAN, QUERY, INDEX_QUERY
    }

    static final SqlAccess SCAN = new SqlAccess(Kind.SCAN, null, null, SortRange.ALL);

    /** The access for these pushed filters over a table whose row columns are {@code columns}. */
    static SqlAccess choose(TableDef table, List<KeyAttribute> columns, List<RexNode> filters, RexBuilder rex) {
        List<RexNode> conjuncts = new ArrayList<>();
        for (RexNode filter : filters) {
            RexNode expanded = rex == null ? filter : RexUtil.expandSearch(rex, null, filter);
            conjuncts.addAll(RelOptUtil.conjunctions(expanded));
        }
        AttributeValue pk = equality(conjuncts, columns, table.partitionKey());
        if (pk != null) {
            boolean baseSortCondition = table.sortKey() != null
                    && !range(conjuncts, columns, table.sortKey()).isAll();
            if (!baseSortCondition) {
                for (IndexDef index : table.localIndexes()) {
                    SortRange r = range(conjuncts, columns, index.sortKey());
                    if (!r.isAll()) {
                        return new SqlAccess(Kind.INDEX_QUERY, index, pk, r);
                    }
                }
            }
            return new SqlAccess(Kind.QUERY, null, pk, SortRange.ALL);
        }
        for (IndexDef index : table.globalIndexes()) {
            if (index.state() != IndexDef.IndexState.ACTIVE || index.projection() != IndexDef.IndexProjection.ALL) {
                continue;
            }
            AttributeValue gpk = equality(conjuncts, columns, index.partitionKey());
            if (gpk != null) {
                SortRange r = index.sortKey() == null ? SortRange.ALL : range(conjuncts, columns, index.sortKey());
                return new SqlAccess(Kind.INDEX_QUERY, index, gpk, r);
            }
        }
        return SCAN;
    }

    /** The access path's name, as EXPLAIN shows it. */
    public String pathName() {
        return switch (kind) {
            case SCAN -> "Scan";
            case QUERY -> "Query";
            case INDEX_QUERY -> "IndexQuery";
        };
    }

    /** The key condition, as EXPLAIN shows it (empty for a scan). */
    public String keyCondition(TableDef table) {
        return switch (kind) {
            case SCAN -> "";
            case QUERY -> table.partitionKey().name() + " = " + text(partitionKey);
            case INDEX_QUERY -> index.partitionKey().name() + " = " + text(partitionKey)
                    + (index.sortKey() == null ? "" : rangeText(index.sortKey().name()));
        };
    }

    private String rangeText(String sortKey) {
        if (range.isAll()) {
            return "";
        }
        if (range.isEquality()) {
            return " AND " + sortKey + " = " + text(((Expr.Literal) range.lower()).value());
        }
        StringBuilder s = new StringBuilder();
        if (range.lower() != null) {
            s.append(" AND ").append(sortKey).append(range.lowerInclusive() ? " >= " : " > ")
                    .append(text(((Expr.Literal) range.lower()).value()));
        }
        if (range.upper() != null) {
            s.append(" AND ").append(sortKey).append(range.upperInclusive() ? " <= " : " < ")
                    .append(text(((Expr.Literal) range.upper()).value()));
        }
        return s.toString();
    }

    private static String text(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return "'" + s.value().replace("'", "''") + "'";
        }
        if (v instanceof AttributeValue.N n) {
            return n.value().toPlainString();
        }
        return String.valueOf(v);
    }

    /** The value a conjunct {@code key = literal} (either side) fixes, or null. */
    private static AttributeValue equality(List<RexNode> conjuncts, List<KeyAttribute> columns, KeyAttribute key) {
        int column = columns.indexOf(key);
        if (column < 0) {
            return null;
        }
        for (RexNode c : conjuncts) {
            Compared cmp = compared(c, column, key.type());
            if (cmp != null && cmp.kind == SqlKind.EQUALS) {
                return cmp.value;
            }
        }
        return null;
    }

    /** The range the conjuncts put on a sort key (only comparisons with literals count). */
    private static SortRange range(List<RexNode> conjuncts, List<KeyAttribute> columns, KeyAttribute key) {
        int column = key == null ? -1 : columns.indexOf(key);
        if (column < 0) {
            return SortRange.ALL;
        }
        for (RexNode c : conjuncts) {
            Compared cmp = compared(c, column, key.type());
            if (cmp != null && cmp.kind == SqlKind.EQUALS) {
                Expr v = literal(cmp.value);
                return new SortRange(v, true, v, true, null);
            }
        }
        Expr lower = null;
        boolean lowerInclusive = false;
        Expr upper = null;
        boolean upperInclusive = false;
        for (RexNode c : conjuncts) {
            Compared cmp = compared(c, column, key.type());
            if (cmp == null) {
                continue;
            }
            // One bound of each side is enough: Calcite applies the others to the rows.
            switch (cmp.kind) {
                case GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                    if (lower == null) {
                        lower = literal(cmp.value);
                        lowerInclusive = cmp.kind == SqlKind.GREATER_THAN_OR_EQUAL;
                    }
                }
                case LESS_THAN, LESS_THAN_OR_EQUAL -> {
                    if (upper == null) {
                        upper = literal(cmp.value);
                        upperInclusive = cmp.kind == SqlKind.LESS_THAN_OR_EQUAL;
                    }
                }
                default -> {
                }
            }
        }
        return new SortRange(lower, lowerInclusive, upper, upperInclusive, null);
    }

    private static Expr literal(AttributeValue v) {
        return new Expr.Literal(v, null);
    }

    /** A comparison of the column with a literal, as {@code column <op> value}; null otherwise. */
    private static Compared compared(RexNode node, int column, KeyType type) {
        if (!(node instanceof RexCall call) || call.getOperands().size() != 2) {
            return null;
        }
        SqlKind kind = call.getKind();
        if (kind != SqlKind.EQUALS && kind != SqlKind.LESS_THAN && kind != SqlKind.LESS_THAN_OR_EQUAL
                && kind != SqlKind.GREATER_THAN && kind != SqlKind.GREATER_THAN_OR_EQUAL) {
            return null;
        }
        RexNode left = strip(call.getOperands().get(0));
        RexNode right = strip(call.getOperands().get(1));
        if (left instanceof RexInputRef ref && ref.getIndex() == column && right instanceof RexLiteral lit) {
            AttributeValue v = keyValue(type, lit);
            return v == null ? null : new Compared(kind, v);
        }
        if (right instanceof RexInputRef ref && ref.getIndex() == column && left instanceof RexLiteral lit) {
            AttributeValue v = keyValue(type, lit);
            return v == null ? null : new Compared(kind.reverse(), v);
        }
        return null;
    }

    /**
     * A literal under a cast to the column's type family stays that literal (Calcite widens a literal
     * to compare); anything else (a cast of the column) is left alone, and the table is not keyed.
     */
    private static RexNode strip(RexNode node) {
        if (node instanceof RexCall call && call.getKind() == SqlKind.CAST
                && call.getOperands().get(0) instanceof RexLiteral lit
                && lit.getType().getSqlTypeName().getFamily() == call.getType().getSqlTypeName().getFamily()) {
            return lit;
        }
        return node;
    }

    static AttributeValue keyValue(KeyType type, RexLiteral literal) {
        if (RexLiteral.isNullLiteral(literal)) {
            return null;
        }
        SqlTypeFamily family = literal.getType().getSqlTypeName().getFamily();
        return switch (type) {
            case S -> {
                if (family != SqlTypeFamily.CHARACTER) {
                    yield null;
                }
                String s = literal.getValueAs(String.class);
                yield s == null ? null : new AttributeValue.S(s);
            }
            case N -> {
                if (family != SqlTypeFamily.NUMERIC) {
                    yield null;
                }
                BigDecimal n = literal.getValueAs(BigDecimal.class);
                yield n == null ? null : new AttributeValue.N(n);
            }
            case B -> null;
        };
    }

    private record Compared(SqlKind kind, AttributeValue value) {
    }
}
