package dev.jdbcdynamo.planner.parse;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prints an AST back as statement text, fully parenthesized, so that EXPLAIN shows conditions
 * readably and tests see the tree's shape (precedence included); the text parses again.
 */
public final class AstPrinter {
    private AstPrinter() {
    }

    public static String print(Statement s) {
        if (s instanceof Statement.Select select) {
            return select(select);
        } else if (s instanceof Statement.Insert insert) {
            return "INSERT INTO " + table(insert.table()) + " VALUE " + expr(insert.value());
        } else if (s instanceof Statement.Update update) {
            String actions = update.actions().stream().map(AstPrinter::action).collect(Collectors.joining(" "));
            return "UPDATE " + table(update.table()) + " " + actions + where(update.where()) + returning(update.returning());
        } else if (s instanceof Statement.Delete delete) {
            return "DELETE FROM " + table(delete.table()) + where(delete.where()) + returning(delete.returning());
        } else if (s instanceof Statement.ConditionCheck check) {
            return "EXISTS(" + select(check.query()) + ")";
        } else if (s instanceof Statement.Explain explain) {
            return "EXPLAIN " + print(explain.statement());
        }
        return DdlPrinter.print(s);
    }

    private static String select(Statement.Select s) {
        StringBuilder sb = new StringBuilder("SELECT ");
        if (s.distinct()) {
            sb.append("DISTINCT ");
        }
        sb.append(s.isStar() ? "*" : join(s.items(), i -> expr(i.expr()) + (i.alias() == null ? "" : " AS " + name(i.alias()))));
        sb.append(" FROM ").append(from(s.from())).append(where(s.where()));
        if (!s.groupBy().isEmpty()) {
            sb.append(" GROUP BY ").append(join(s.groupBy(), AstPrinter::expr));
        }
        if (s.having() != null) {
            sb.append(" HAVING ").append(expr(s.having()));
        }
        if (!s.orderBy().isEmpty()) {
            sb.append(" ORDER BY ").append(join(s.orderBy(), o -> expr(o.expr()) + (o.descending() ? " DESC" : "")));
        }
        if (s.limit() != null) {
            sb.append(" LIMIT ").append(expr(s.limit()));
        }
        if (s.offset() != null) {
            sb.append(" OFFSET ").append(expr(s.offset()));
        }
        return sb.toString();
    }

    private static String from(Statement.From from) {
        if (from instanceof Statement.Join join) {
            return from(join.left()) + " " + join.kind() + " JOIN " + from(join.right())
                    + (join.on() == null ? "" : " ON " + expr(join.on()));
        }
        return table(((Statement.FromTable) from).table());
    }

    private static String table(Statement.TableRef t) {
        return name(t.table()) + (t.index() == null ? "" : "." + name(t.index()))
                + (t.alias() == null ? "" : " AS " + name(t.alias()));
    }

    private static String where(Expr where) {
        return where == null ? "" : " WHERE " + expr(where);
    }

    private static String returning(Statement.Returning r) {
        return r == Statement.Returning.NONE ? "" : " RETURNING " + r.name().replace('_', ' ') + " *";
    }

    private static String action(Statement.UpdateAction action) {
        if (action instanceof Statement.SetAction set) {
            return "SET " + path(set.path()) + " = " + expr(set.value());
        }
        return "REMOVE " + path(((Statement.RemoveAction) action).path());
    }

    public static String expr(Expr e) {
        if (e instanceof Expr.Literal l) {
            return literal(l.value());
        } else if (e instanceof Expr.Parameter) {
            return "?";
        } else if (e instanceof Expr.PathRef p) {
            return path(p.path());
        } else if (e instanceof Expr.MapExpr m) {
            return "{" + join(m.entries(), en -> "'" + en.key().replace("'", "''") + "': " + expr(en.value())) + "}";
        } else if (e instanceof Expr.ListExpr l) {
            return "[" + join(l.elements(), AstPrinter::expr) + "]";
        } else if (e instanceof Expr.SetExpr s) {
            return "<<" + join(s.elements(), AstPrinter::expr) + ">>";
        } else if (e instanceof Expr.Compare c) {
            return "(" + expr(c.left()) + " " + c.op().symbol() + " " + expr(c.right()) + ")";
        } else if (e instanceof Expr.Between b) {
            return "(" + expr(b.value()) + " BETWEEN " + expr(b.low()) + " AND " + expr(b.high()) + ")";
        } else if (e instanceof Expr.In in) {
            return "(" + expr(in.value()) + " IN [" + join(in.candidates(), AstPrinter::expr) + "])";
        } else if (e instanceof Expr.And a) {
            return "(" + expr(a.left()) + " AND " + expr(a.right()) + ")";
        } else if (e instanceof Expr.Or o) {
            return "(" + expr(o.left()) + " OR " + expr(o.right()) + ")";
        } else if (e instanceof Expr.Not n) {
            return "(NOT " + expr(n.operand()) + ")";
        } else if (e instanceof Expr.IsCheck i) {
            return "(" + expr(i.value()) + " IS " + (i.negated() ? "NOT " : "") + i.kind() + ")";
        } else if (e instanceof Expr.Arithmetic a) {
            return "(" + expr(a.left()) + " " + a.op().symbol() + " " + expr(a.right()) + ")";
        } else if (e instanceof Expr.Negate n) {
            return "(- (" + expr(n.operand()) + "))";
        } else if (e instanceof Expr.Call c) {
            return function(c.name()) + "(" + (c.distinct() ? "DISTINCT " : "") + join(c.args(), AstPrinter::expr) + ")";
        } else if (e instanceof Expr.Star) {
            return "*";
        } else if (e instanceof Expr.Exists x) {
            return "EXISTS(" + select(x.query()) + ")";
        }
        throw new AssertionError("unknown expression " + e);
    }

    private static String literal(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return "'" + s.value().replace("'", "''") + "'";
        } else if (v instanceof AttributeValue.N n) {
            return n.value().toPlainString();
        } else if (v instanceof AttributeValue.Bool b) {
            return b.value() ? "TRUE" : "FALSE";
        } else if (v instanceof AttributeValue.Null) {
            return "NULL";
        }
        throw new AssertionError("unexpected literal " + v);
    }

    static String path(Path p) {
        StringBuilder sb = new StringBuilder(name(p.root()));
        for (Path.Step step : p.steps()) {
            if (step instanceof Path.Field f) {
                sb.append('.').append(name(f.name()));
            } else if (step instanceof Path.Index i) {
                sb.append('[').append(i.index()).append(']');
            } else {
                sb.append(".*");
            }
        }
        return sb.toString();
    }

    private static String function(String n) {
        return ReservedWords.isFunctionName(n) ? n : name(n);
    }

    /** A name as written: bare when it can be, double-quoted otherwise. */
    static String name(String n) {
        boolean bare = n.matches("[A-Za-z_$][A-Za-z0-9_$]*") && !ReservedWords.isReserved(n);
        return bare ? n : "\"" + n.replace("\"", "\"\"") + "\"";
    }

    static <T> String join(List<T> items, Function<T, String> f) {
        return items.stream().map(f).collect(Collectors.joining(", "));
    }
}
