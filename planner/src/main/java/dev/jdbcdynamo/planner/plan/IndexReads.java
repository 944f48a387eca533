package dev.jdbcdynamo.planner.plan;

import dev.jdbcdynamo.planner.path.SortRange;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.calcite.AccessPathPlanner;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds {@code SELECT ... FROM "T"."I"}: the access-path planner runs over the index's key schema
 * (its partition and sort key), so DynamoDB's key-condition rules apply to the index keys; ORDER BY
 * must name an index key; a global index answers only what it projects (a local index fetches the
 * rest from the base item, which lives on the same shard, as DynamoDB does).
 */
public final class IndexReads {
    private IndexReads() {
    }

    static Plan.Select bind(Statement.Select select, TableDef table, IndexDef index) {
        if (index.state() != IndexDef.IndexState.ACTIVE) {
            throw ErrorCode.VALIDATION.error("Cannot read from backfilling global secondary index: " + index.name());
        }
        TableDef keys = keySchema(table, index);
        Boolean descending = Binder.orderBy(select, keys);
        AccessPathPlanner.Result planned = AccessPathPlanner.plan(keys, Conjuncts.of(select.where()), descending);
        if (!planned.orderSatisfied()) {
            throw ErrorCode.VALIDATION.error(planned.path() instanceof AccessPath.Scan
                    ? "Must have WHERE clause in the statement when using ORDER BY clause."
                    : "ORDER BY is only supported on the key attributes of a query");
        }
        Expr filter = Conjuncts.and(planned.residual());
        if (index.global()) {
            checkProjected(select, table, index);
        }
        return new Plan.Select(table, new AccessPath.IndexQuery(index, indexPath(planned.path())), filter,
                select.items(), select.where());
    }

    /** The index's keys as a table's: what the key rules plan against. */
    public static TableDef keySchema(TableDef table, IndexDef index) {
        return new TableDef(table.id(), table.name() + "." + index.name(), index.partitionKey(), index.sortKey(),
                List.of(), List.of(), table.version());
    }

    /** Index keys are not unique: a full index key is a Query for that key, not a GetItem. */
    private static AccessPath indexPath(AccessPath path) {
        if (path instanceof AccessPath.GetItem get) {
            SortRange range = get.sortValue() == null ? SortRange.ALL
                    : new SortRange(get.sortValue(), true, get.sortValue(), true, null);
            return new AccessPath.Query(get.partitionValue(), range, false);
        }
        return path;
    }

    /**
     * A global index holds only its projection: naming anything else in the projection is
     * DynamoDB's ValidationException. A filter may name any attribute (DynamoDB Local evaluates it
     * on the whole item, and so do we: an index entry keeps the whole item, projected on read).
     */
    private static void checkProjected(Statement.Select select, TableDef table, IndexDef index) {
        Set<String> roots = new LinkedHashSet<>();
        select.items().forEach(item -> roots(item.expr(), roots));
        List<String> missing = roots.stream().filter(root -> !index.projects(root, table)).toList();
        if (!missing.isEmpty()) {
            throw ErrorCode.VALIDATION.error("One or more parameter values were invalid: Global secondary index "
                    + index.name() + " does not project [" + String.join(", ", missing) + "]");
        }
    }

    /** The top-level attributes an expression reads. */
    private static void roots(Expr e, Set<String> out) {
        if (e == null || e instanceof Expr.Literal || e instanceof Expr.Parameter || e instanceof Expr.Star) {
            return;
        }
        if (e instanceof Expr.PathRef ref) {
            out.add(ref.path().root());
        } else if (e instanceof Expr.MapExpr map) {
            map.entries().forEach(entry -> roots(entry.value(), out));
        } else if (e instanceof Expr.ListExpr list) {
            list.elements().forEach(x -> roots(x, out));
        } else if (e instanceof Expr.SetExpr set) {
            set.elements().forEach(x -> roots(x, out));
        } else if (e instanceof Expr.Compare c) {
            roots(c.left(), out);
            roots(c.right(), out);
        } else if (e instanceof Expr.Between b) {
            roots(b.value(), out);
            roots(b.low(), out);
            roots(b.high(), out);
        } else if (e instanceof Expr.In in) {
            roots(in.value(), out);
            in.candidates().forEach(x -> roots(x, out));
        } else if (e instanceof Expr.And and) {
            roots(and.left(), out);
            roots(and.right(), out);
        } else if (e instanceof Expr.Or or) {
            roots(or.left(), out);
            roots(or.right(), out);
        } else if (e instanceof Expr.Not not) {
            roots(not.operand(), out);
        } else if (e instanceof Expr.IsCheck is) {
            roots(is.value(), out);
        } else if (e instanceof Expr.Arithmetic a) {
            roots(a.left(), out);
            roots(a.right(), out);
        } else if (e instanceof Expr.Negate n) {
            roots(n.operand(), out);
        } else if (e instanceof Expr.Call call) {
            call.args().forEach(x -> roots(x, out));
        } else if (e instanceof Expr.Exists) {
            throw ErrorCode.VALIDATION.error("EXISTS is not supported in a query of an index");
        } else {
            throw new AssertionError("unknown expression " + e);
        }
    }
}
