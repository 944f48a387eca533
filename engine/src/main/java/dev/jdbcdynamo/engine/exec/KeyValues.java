package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;

/** Resolves the key values of an access path (a literal or a parameter) for one execution. */
final class KeyValues {
    private KeyValues() {
    }

    static AttributeValue resolve(Expr expr, List<AttributeValue> params) {
        if (expr instanceof Expr.Literal literal) {
            return literal.value();
        }
        if (expr instanceof Expr.Parameter p) {
            if (p.index() >= params.size() || params.get(p.index()) == null) {
                throw ErrorCode.WRONG_PARAMETER_COUNT.error("No value set for parameter " + (p.index() + 1));
            }
            return params.get(p.index());
        }
        throw new AssertionError("key values are literals or parameters, not " + expr);
    }
}
