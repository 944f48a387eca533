package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the SET and REMOVE actions of an UPDATE to an item, as DynamoDB does: every value is
 * computed from the item as it was, paths may not overlap, a nested SET needs its parent, a list
 * index past the end appends, REMOVE of a missing path does nothing and REMOVE of list elements
 * shifts the rest.
 */
public final class UpdateApplier {
    static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";

    private UpdateApplier() {
    }

    /** The updated item and the top-level attributes the update touched. */
    public record Result(Map<String, AttributeValue> item, Set<String> modified) {
    }

    public static Result apply(Map<String, AttributeValue> old, List<Statement.UpdateAction> actions,
                               List<AttributeValue> params) {
        checkOverlaps(actions);
        List<Path> sets = new ArrayList<>();
        List<AttributeValue> values = new ArrayList<>();
        List<Path> removes = new ArrayList<>();
        for (Statement.UpdateAction action : actions) {
            if (action instanceof Statement.SetAction set) {
                AttributeValue v = ExpressionEvaluator.evaluate(set.value(), old, params);
                if (v == null && set.value() instanceof Expr.Call call && call.name().equals("set_delete")) {
                    // Deleting every element of a set removes the attribute, as DynamoDB does.
                    removes.add(set.path());
                    continue;
                }
                if (v == null) {
                    throw ErrorCode.VALIDATION.error(
                            "The provided expression refers to an attribute that does not exist in the item");
                }
                sets.add(set.path());
                values.add(v);
            } else if (action instanceof Statement.RemoveAction remove) {
                removes.add(remove.path());
            }
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(old);
        Set<String> modified = new LinkedHashSet<>();
        for (int i = 0; i < sets.size(); i++) {
            Path path = sets.get(i);
            item.put(path.root(), setIn(item.get(path.root()), path.steps(), 0, values.get(i), path.isTopLevel()));
            modified.add(path.root());
        }
        removes.sort(LIST_INDEXES_FROM_THE_END);
        for (Path path : removes) {
            if (path.isTopLevel()) {
                if (item.remove(path.root()) != null) {
                    modified.add(path.root());
                }
            } else if (item.containsKey(path.root())) {
                AttributeValue updated = removeIn(item.get(path.root()), path.steps(), 0);
                if (!updated.equals(item.get(path.root()))) {
                    modified.add(path.root());
                }
                item.put(path.root(), updated);
            }
        }
        return new Result(item, modified);
    }

    /** Removes of elements of one list run from the highest index down, so indexes mean the old list. */
    private static final Comparator<Path> LIST_INDEXES_FROM_THE_END = (a, b) -> {
        int last = Math.min(a.steps().size(), b.steps().size()) - 1;
        if (last >= 0 && a.steps().size() == b.steps().size() && a.root().equals(b.root())
                && a.steps().subList(0, last).equals(b.steps().subList(0, last))
                && a.steps().get(last) instanceof Path.Index x && b.steps().get(last) instanceof Path.Index y) {
            return Integer.compare(y.index(), x.index());
        }
        return 0;
    };

    private static AttributeValue setIn(AttributeValue current, List<Path.Step> steps, int at, AttributeValue value,
                                        boolean topLevel) {
        if (at == steps.size()) {
            return value;
        }
        if (current == null && !topLevel) {
            throw ErrorCode.VALIDATION.error(INVALID_PATH);
        }
        Path.Step step = steps.get(at);
        if (step instanceof Path.Field f && current instanceof AttributeValue.M m) {
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.value());
            AttributeValue child = copy.get(f.name());
            if (child == null && at + 1 < steps.size()) {
                throw ErrorCode.VALIDATION.error(INVALID_PATH);
            }
            copy.put(f.name(), setIn(child, steps, at + 1, value, false));
            return new AttributeValue.M(copy);
        }
        if (step instanceof Path.Index i && current instanceof AttributeValue.L l) {
            List<AttributeValue> copy = new ArrayList<>(l.value());
            if (i.index() >= copy.size()) {
                if (at + 1 < steps.size()) {
                    throw ErrorCode.VALIDATION.error(INVALID_PATH);
                }
                copy.add(value);
            } else {
                copy.set(i.index(), setIn(copy.get(i.index()), steps, at + 1, value, false));
            }
            return new AttributeValue.L(copy);
        }
        throw ErrorCode.VALIDATION.error(INVALID_PATH);
    }

    private static AttributeValue removeIn(AttributeValue current, List<Path.Step> steps, int at) {
        Path.Step step = steps.get(at);
        boolean last = at == steps.size() - 1;
        if (step instanceof Path.Field f && current instanceof AttributeValue.M m) {
            if (!m.value().containsKey(f.name())) {
                return current;
            }
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.value());
            if (last) {
                copy.remove(f.name());
            } else {
                copy.put(f.name(), removeIn(copy.get(f.name()), steps, at + 1));
            }
            return new AttributeValue.M(copy);
        }
        if (step instanceof Path.Index i && current instanceof AttributeValue.L l) {
            if (i.index() >= l.value().size()) {
                return current;
            }
            List<AttributeValue> copy = new ArrayList<>(l.value());
            if (last) {
                copy.remove(i.index());
            } else {
                copy.set(i.index(), removeIn(copy.get(i.index()), steps, at + 1));
            }
            return new AttributeValue.L(copy);
        }
        return current;
    }

    private static void checkOverlaps(List<Statement.UpdateAction> actions) {
        List<List<String>> paths = new ArrayList<>();
        for (Statement.UpdateAction action : actions) {
            Path path = action instanceof Statement.SetAction s ? s.path() : ((Statement.RemoveAction) action).path();
            List<String> parts = parts(path);
            for (List<String> other : paths) {
                int n = Math.min(parts.size(), other.size());
                if (parts.subList(0, n).equals(other.subList(0, n))) {
                    throw ErrorCode.VALIDATION.error("Two document paths overlap with each other; must remove or "
                            + "rewrite one of these paths; path one: " + other + ", path two: " + parts);
                }
            }
            paths.add(parts);
        }
    }

    private static List<String> parts(Path path) {
        List<String> parts = new ArrayList<>();
        parts.add(path.root());
        for (Path.Step step : path.steps()) {
            parts.add(step instanceof Path.Field f ? f.name() : "[" + ((Path.Index) step).index() + "]");
        }
        return parts;
    }
}
