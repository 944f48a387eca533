package dev.jdbcdynamo.planner.plan;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Statement;

/**
 * Tells which statements of the {@code sql} language are SQL extensions, planned and run by
 * Calcite, rather than PartiQL with DynamoDB's semantics: a SELECT with a join, DISTINCT,
 * GROUP BY, HAVING, LIMIT, OFFSET, an alias, a projection that is not an attribute path (an
 * aggregate, an expression), an ORDER BY on an attribute that is not a key, or a condition
 * between two constants ({@code WHERE 1=0}, which tools send to learn a result's columns).
 * Statements our parser rejects are offered to Calcite's parser as well (subqueries, CASE, ...).
 */
public final class SqlExtensionCheck {
    private SqlExtensionCheck() {
    }

    public static boolean isExtension(Statement statement, dev.jdbcdynamo.planner.catalog.Catalog catalog) {
        if (!(statement instanceof Statement.Select s)) {
            return false;
        }
        if (!(s.from() instanceof Statement.FromTable from) || s.distinct() || !s.groupBy().isEmpty()
                || s.having() != null || s.limit() != null || s.offset() != null) {
            return true;
        }
        if (from.table().alias() != null) {
            return true;
        }
        for (Statement.SelectItem item : s.items()) {
            if (item.alias() != null || !(item.expr() instanceof Expr.PathRef)) {
                return true;
            }
        }
        if (s.where() != null && constantComparison(s.where())) {
            return true;
        }
        var table = from.table().index() == null ? catalog.table(from.table().table()).orElse(null) : null;
        for (Statement.OrderItem order : s.orderBy()) {
            if (!(order.expr() instanceof Expr.PathRef ref) || !ref.path().isTopLevel()
                    || (table != null && !table.isKeyAttribute(ref.path().root()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean constantComparison(Expr e) {
        if (e instanceof Expr.And a) {
            return constantComparison(a.left()) || constantComparison(a.right());
        } else if (e instanceof Expr.Or o) {
            return constantComparison(o.left()) || constantComparison(o.right());
        } else if (e instanceof Expr.Not n) {
            return constantComparison(n.operand());
        } else if (e instanceof Expr.Compare c) {
            return c.left() instanceof Expr.Literal && c.right() instanceof Expr.Literal;
        }
        return false;
    }
}
