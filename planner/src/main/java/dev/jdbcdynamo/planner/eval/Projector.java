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
 * The projection of a SELECT, shaped as DynamoDB shapes it: a top-level attribute by its name; a
 * nested map path by its last name ({@code a.b.c} gives {@code c}); a path through list indexes
 * keeps the document below the last index as a one-element list
 * ({@code a.d[0][1][1].e} gives {@code "d[0][1]": [{"e": ...}]}). Missing paths are left out.
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
            if (value == null) {
                continue;
            }
            if (selected.alias() != null) {
                out.put(selected.alias(), value);
            } else {
                putShaped(out, path, value);
            }
        }
        return out;
    }

    /** The name DynamoDB gives a projected path in its result. */
    public static String nameOf(Path path) {
        List<Path.Step> steps = path.steps();
        int lastIndex = lastIndex(steps);
        if (lastIndex < 0) {
            return steps.isEmpty() ? path.root() : ((Path.Field) steps.get(steps.size() - 1)).name();
        }
        int lastField = -1;
        for (int i = 0; i < lastIndex; i++) {
            if (steps.get(i) instanceof Path.Field) {
                lastField = i;
            }
        }
        StringBuilder name = new StringBuilder(lastField < 0 ? path.root() : ((Path.Field) steps.get(lastField)).name());
        for (int i = lastField + 1; i < lastIndex; i++) {
            name.append('[').append(((Path.Index) steps.get(i)).index()).append(']');
        }
        return name.toString();
    }

    private static int lastIndex(List<Path.Step> steps) {
        int lastIndex = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Path.Index) {
                lastIndex = i;
            }
        }
        return lastIndex;
    }

    private static void putShaped(Map<String, AttributeValue> out, Path path, AttributeValue value) {
        List<Path.Step> steps = path.steps();
        int lastIndex = lastIndex(steps);
        if (lastIndex < 0) {
            out.put(nameOf(path), value);
            return;
        }
        AttributeValue shaped = value;
        for (int i = steps.size() - 1; i > lastIndex; i--) {
            shaped = new AttributeValue.M(Map.of(((Path.Field) steps.get(i)).name(), shaped));
        }
        out.put(nameOf(path), new AttributeValue.L(List.of(shaped)));
    }
}
