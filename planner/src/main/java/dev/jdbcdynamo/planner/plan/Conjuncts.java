package dev.jdbcdynamo.planner.plan;

import dev.jdbcdynamo.planner.ast.Expr;
import java.util.ArrayList;
import java.util.List;

/** Splits a condition at its top-level ANDs and joins conjuncts back into one condition. */
final class Conjuncts {
    private Conjuncts() {
    }

    static List<Expr> of(Expr condition) {
        List<Expr> out = new ArrayList<>();
        flatten(condition, out);
        return out;
    }

    private static void flatten(Expr expr, List<Expr> out) {
        if (expr == null) {
            return;
        }
        if (expr instanceof Expr.And and) {
            flatten(and.left(), out);
            flatten(and.right(), out);
        } else {
            out.add(expr);
        }
    }

    /** The AND of the conjuncts, or null when there are none. */
    static Expr and(List<Expr> conjuncts) {
        Expr result = null;
        for (Expr c : conjuncts) {
            result = result == null ? c : new Expr.And(result, c, c.pos());
        }
        return result;
    }
}
