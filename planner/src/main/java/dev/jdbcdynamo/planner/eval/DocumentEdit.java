package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes and removes one document path of an item, copying the maps and lists on the way down. */
final class DocumentEdit {
    private DocumentEdit() {
    }

    /** SET: the parent must exist with the right type; an index past the end of a list appends. */
    static void set(Map<String, AttributeValue> item, Path path, AttributeValue value) {
        if (path.isTopLevel()) {
            item.put(path.root(), value);
            return;
        }
        AttributeValue top = item.get(path.root());
        if (top == null) {
            throw invalid();
        }
        item.put(path.root(), setIn(top, path.steps(), 0, value));
    }

    private static AttributeValue setIn(AttributeValue current, List<Path.Step> steps, int at, AttributeValue value) {
        Path.Step step = steps.get(at);
        boolean last = at == steps.size() - 1;
        if (step instanceof Path.Field f && current instanceof AttributeValue.M m) {
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.value());
            AttributeValue child = copy.get(f.name());
            if (!last && child == null) {
                throw invalid();
            }
            copy.put(f.name(), last ? value : setIn(child, steps, at + 1, value));
            return new AttributeValue.M(copy);
        }
        if (step instanceof Path.Index i && current instanceof AttributeValue.L l) {
            List<AttributeValue> copy = new ArrayList<>(l.value());
            if (i.index() < copy.size()) {
                copy.set(i.index(), last ? value : setIn(copy.get(i.index()), steps, at + 1, value));
            } else if (last) {
                copy.add(value);
            } else {
                throw invalid();
            }
            return new AttributeValue.L(copy);
        }
        throw invalid();
    }

    /**
     * REMOVE, judged on the old item: a missing attribute, map key or list element is no error, a
     * missing or wrong-typed parent is. Indexes are those of the old list.
     */
    static void remove(Map<String, AttributeValue> item, Map<String, AttributeValue> old, Path path) {
        if (path.isTopLevel()) {
            if (old.containsKey(path.root())) {
                item.remove(path.root());
            }
            return;
        }
        List<Path.Step> steps = path.steps();
        Path parentPath = new Path(path.root(), steps.subList(0, steps.size() - 1));
        AttributeValue parent = ExpressionEvaluator.read(old, parentPath);
        Path.Step last = steps.get(steps.size() - 1);
        boolean fits = last instanceof Path.Field ? parent instanceof AttributeValue.M : parent instanceof AttributeValue.L;
        if (!fits) {
            throw invalid();
        }
        if (ExpressionEvaluator.read(old, path) != null && item.containsKey(path.root())) {
            item.put(path.root(), removeIn(item.get(path.root()), steps, 0));
        }
    }

    private static AttributeValue removeIn(AttributeValue current, List<Path.Step> steps, int at) {
        Path.Step step = steps.get(at);
        boolean last = at == steps.size() - 1;
        if (step instanceof Path.Field f && current instanceof AttributeValue.M m && m.value().containsKey(f.name())) {
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.value());
            if (last) {
                copy.remove(f.name());
            } else {
                copy.put(f.name(), removeIn(copy.get(f.name()), steps, at + 1));
            }
            return new AttributeValue.M(copy);
        }
        if (step instanceof Path.Index i && current instanceof AttributeValue.L l && i.index() < l.value().size()) {
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

    private static RuntimeException invalid() {
        return ErrorCode.VALIDATION.error(UpdateApplier.INVALID_PATH);
    }
}
