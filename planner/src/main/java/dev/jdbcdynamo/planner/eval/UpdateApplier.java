package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies the SET and REMOVE actions of an UPDATE to an item in DynamoDB's order: paths may not
 * overlap; every path a value reads must exist; every value is computed from the item as it was;
 * then the SETs (a nested SET needs its parent, an index past the end of a list appends, appends
 * to one list in index order) and the REMOVEs (indexes mean the old list; a missing attribute is
 * no error, a missing or wrong-typed parent is).
 */
public final class UpdateApplier {
    static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";
    static final String NO_SUCH_ATTRIBUTE = "The provided expression refers to an attribute that does not exist in the item";

    private UpdateApplier() {
    }

    /**
     * The updated item and the top-level attributes an action wrote. {@code modifiedOld} and
     * {@code modifiedNew} are what RETURNING MODIFIED OLD / NEW return, as DynamoDB Local does: the
     * whole top-level attribute, when the path of some action exists in the old / new item;
     * {@code modified} is their union.
     */
    public record Result(Map<String, AttributeValue> item, Set<String> modified, Set<String> modifiedOld,
                         Set<String> modifiedNew) {
        public Result {
            item = Collections.unmodifiableMap(new LinkedHashMap<>(item));
            modified = Set.copyOf(modified);
            modifiedOld = Set.copyOf(modifiedOld);
            modifiedNew = Set.copyOf(modifiedNew);
        }
    }

    public static Result apply(Map<String, AttributeValue> old, List<Statement.UpdateAction> actions,
                               List<AttributeValue> params) {
        validate(actions);
        List<Statement.SetAction> sets = new ArrayList<>();
        List<Path> removes = new ArrayList<>();
        for (Statement.UpdateAction action : actions) {
            if (action instanceof Statement.SetAction set) {
                requirePresent(set.value(), old);
                sets.add(set);
            } else {
                removes.add(((Statement.RemoveAction) action).path());
            }
        }
        List<Path> setPaths = new ArrayList<>();
        List<AttributeValue> values = new ArrayList<>();
        for (Statement.SetAction set : sets) {
            setPaths.add(set.path());
            values.add(UpdateValues.evaluate(set.value(), old, params));
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>(old);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < setPaths.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(setPaths::get, PATH_ORDER));
        for (int i : order) {
            if (values.get(i) == null) {
                // set_delete took every element: DynamoDB removes the attribute.
                removes.add(setPaths.get(i));
            } else {
                DocumentEdit.set(item, setPaths.get(i), values.get(i));
            }
        }
        removes.sort(PATH_ORDER.reversed());
        for (Path path : removes) {
            DocumentEdit.remove(item, old, path);
        }
        return result(old, item, actions);
    }

    /** DynamoDB's checks of the actions that need no item: overlapping paths and the set functions. */
    public static void validate(List<Statement.UpdateAction> actions) {
        List<Path> paths = new ArrayList<>();
        for (Statement.UpdateAction action : actions) {
            paths.add(pathOf(action));
        }
        PathOverlap.check(paths);
        for (Statement.UpdateAction action : actions) {
            if (action instanceof Statement.SetAction set) {
                UpdateValues.validate(set);
            }
        }
    }

    private static Path pathOf(Statement.UpdateAction action) {
        if (action instanceof Statement.SetAction set) {
            return set.path();
        } else if (action instanceof Statement.RemoveAction remove) {
            return remove.path();
        }
        throw new AssertionError(action);
    }

    /** Every path a SET value reads must exist, except the ones a function tests or creates. */
    private static void requirePresent(Expr value, Map<String, AttributeValue> old) {
        if (value instanceof Expr.PathRef ref) {
            if (ExpressionEvaluator.read(old, ref.path()) == null) {
                throw ErrorCode.VALIDATION.error(NO_SUCH_ATTRIBUTE);
            }
        } else if (value instanceof Expr.Arithmetic a) {
            requirePresent(a.left(), old);
            requirePresent(a.right(), old);
        } else if (value instanceof Expr.Call call) {
            boolean firstIsOptional = call.name().equals("if_not_exists") || call.name().equals("set_add")
                    || call.name().equals("set_delete");
            for (int i = firstIsOptional ? 1 : 0; i < call.args().size(); i++) {
                requirePresent(call.args().get(i), old);
            }
        }
    }

    private static Result result(Map<String, AttributeValue> old, Map<String, AttributeValue> item,
                                 List<Statement.UpdateAction> actions) {
        Set<String> before = new LinkedHashSet<>();
        Set<String> after = new LinkedHashSet<>();
        for (Statement.UpdateAction action : actions) {
            Path path = pathOf(action);
            if (ExpressionEvaluator.read(old, path) != null) {
                before.add(path.root());
            }
            if (ExpressionEvaluator.read(item, path) != null) {
                after.add(path.root());
            }
        }
        Set<String> all = new LinkedHashSet<>(before);
        all.addAll(after);
        return new Result(item, all, before, after);
    }

    /**
     * A total order of paths: by root, then step by step, list indexes by number. SETs that append
     * to one list run in index order; REMOVEs run in the reverse order, so that removing an element
     * never moves one that another REMOVE names.
     */
    static final Comparator<Path> PATH_ORDER = (a, b) -> {
        int c = a.root().compareTo(b.root());
        for (int i = 0; c == 0 && i < Math.min(a.steps().size(), b.steps().size()); i++) {
            Path.Step x = a.steps().get(i);
            Path.Step y = b.steps().get(i);
            if (x instanceof Path.Index xi && y instanceof Path.Index yi) {
                c = Integer.compare(xi.index(), yi.index());
            } else if (x instanceof Path.Field xf && y instanceof Path.Field yf) {
                c = xf.name().compareTo(yf.name());
            } else {
                c = x instanceof Path.Index ? -1 : 1;
            }
        }
        return c != 0 ? c : Integer.compare(a.steps().size(), b.steps().size());
    };
}
