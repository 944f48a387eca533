package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projection of a SELECT: the listed attributes of an item, named as in the select list
 * ({@code a.b[0]} for a nested path), missing ones left out.
 */
public final class Projector {
    private Projector() {
    }

    public static Map<String, AttributeValue> project(List<Statement.SelectItem> items, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Statement.SelectItem selected : items) {
            if (!(selected.expr() instanceof Expr.PathRef ref)) {
                throw ErrorCode.VALIDATION.error("Unexpected path component at " + selected.pos());
            }
            Path path = ref.path();
            AttributeValue value = ExpressionEvaluator.read(item, path);
            if (value != null) {
                out.put(selected.alias() != null ? selected.alias() : path.isTopLevel() ? path.root() : path.toString(),
                        value);
            }
        }
        return out;
    }
}
