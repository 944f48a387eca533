package dev.jdbcdynamo.planner.parse;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;

/** Replaces the {@code ?} parameters of an expression with literals of the values they stand for. */
final class ParameterBinder {
    private final List<AttributeValue> params;

    ParameterBinder(List<AttributeValue> params) {
        this.params = params;
    }

    Expr bind(Expr e) {
        if (e instanceof Expr.Parameter p) {
            return new Expr.Literal(params.get(p.index()), p.pos());
        }
        if (e instanceof Expr.Literal l) {
            return l;
        }
        if (e instanceof Expr.PathRef p) {
            return p;
        }
        if (e instanceof Expr.Star s) {
            return s;
        }
        if (e instanceof Expr.Exists x) {
            return x;
        }
        if (e instanceof Expr.MapExpr m) {
            return new Expr.MapExpr(m.entries().stream() .map(en -> new Expr.MapExpr.Entry(en.key(), bind(en.value()))).toList(), m.pos());
        }
        if (e instanceof Expr.ListExpr l) {
            return new Expr.ListExpr(all(l.elements()), l.pos());
        }
        if (e instanceof Expr.SetExpr s) {
            return new Expr.SetExpr(all(s.elements()), s.pos());
        }
        if (e instanceof Expr.Compare c) {
            return new Expr.Compare(c.op(), bind(c.left()), bind(c.right()), c.pos());
        }
        if (e instanceof Expr.Between b) {
            return new Expr.Between(bind(b.value()), bind(b.low()), bind(b.high()), b.pos());
        }
        if (e instanceof Expr.In in) {
            return new Expr.In(bind(in.value()), all(in.candidates()), in.pos());
        }
        if (e instanceof Expr.And a) {
            return new Expr.And(bind(a.left()), bind(a.right()), a.pos());
        }
        if (e instanceof Expr.Or o) {
            return new Expr.Or(bind(o.left()), bind(o.right()), o.pos());
        }
        if (e instanceof Expr.Not n) {
            return new Expr.Not(bind(n.operand()), n.pos());
        }
        if (e instanceof Expr.IsCheck i) {
            return new Expr.IsCheck(bind(i.value()), i.kind(), i.negated(), i.pos());
        }
        if (e instanceof Expr.Arithmetic a) {
            return new Expr.Arithmetic(a.op(), bind(a.left()), bind(a.right()), a.pos());
        }
        if (e instanceof Expr.Negate n) {
            return new Expr.Negate(bind(n.operand()), n.pos());
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.name(), all(c.args()), c.distinct(), c.pos());
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    private List<Expr> all(List<Expr> exprs) {
        return exprs.stream().map(this::bind).toList();
    }
}
