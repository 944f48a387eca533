package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The projection of a SELECT, named and shaped as DynamoDB names and shapes it.
 *
 * <p>DynamoDB first projects the item on all selected paths together (maps keep the selected
 * fields, lists keep the selected elements that exist, in index order, closed up). Each path is
 * then walked down that projection: a field step names the result after the field; an index step
 * appends {@code [i]} to the name and continues only while the element's position in the closed
 * up list is still {@code i}; once it is not, the walk stops and the projected element is the
 * value. So {@code m.y.z} gives {@code z}, {@code l[0].k} gives {@code k}, but {@code l[3].k}
 * alone gives {@code "l[3]": {"k": ...}} and {@code a.d[0][1][1].e} gives
 * {@code "d[0][1]": [{"e": ...}]}. Paths the item lacks are left out.
 */
public final class Projector {
    private Projector() {
    }

    public static Map<String, AttributeValue> project(List<Statement.SelectItem> items, Map<String, AttributeValue> item) {
        if (items.isEmpty() || items.stream().anyMatch(i -> i.expr() instanceof Expr.Star)) {
            return item;
        }
        validate(items);
        Node root = Node.map();
        List<Path> present = new ArrayList<>();
        Map<String, AttributeValue> aliased = new LinkedHashMap<>();
        for (Statement.SelectItem selected : items) {
            Path path = ((Expr.PathRef) selected.expr()).path();
            AttributeValue value = ExpressionEvaluator.read(item, path);
            if (value == null) {
                continue;
            }
            if (selected.alias() != null) {
                aliased.put(selected.alias(), value);
            } else {
                root.insert(path, value);
                present.add(path);
            }
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Path path : present) {
            walk(root, path, out);
        }
        out.putAll(aliased);
        return out;
    }

    /**
     * DynamoDB's checks of a select list, before any item is read: only paths, no identifier twice
     * (by {@link #nameOf}), no overlapping or conflicting paths.
     */
    public static void validate(List<Statement.SelectItem> items) {
        Set<String> names = new HashSet<>();
        List<Path> paths = new ArrayList<>();
        for (Statement.SelectItem selected : items) {
            if (!(selected.expr() instanceof Expr.PathRef ref)) {
                throw ErrorCode.VALIDATION.error("Unexpected path component at " + selected.pos());
            }
            String name = selected.alias() != null ? selected.alias() : nameOf(ref.path());
            if (!names.add(name)) {
                throw ErrorCode.VALIDATION.error("Duplicate identifiers in select clause: " + name);
            }
            paths.add(ref.path());
        }
        PathOverlap.check(paths);
    }

    /**
     * The identifier DynamoDB gives a selected path when it checks for duplicates: the last field
     * name (or the root) with the list indexes after it, as {@code k}, {@code b[1]}, {@code l[0]}.
     * The name in a result can differ for list paths (see the class comment).
     */
    public static String nameOf(Path path) {
        List<Path.Step> steps = path.steps();
        int lastField = -1;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Path.Field) {
                lastField = i;
            }
        }
        StringBuilder name = new StringBuilder(lastField < 0 ? path.root() : ((Path.Field) steps.get(lastField)).name());
        for (int i = lastField + 1; i < steps.size(); i++) {
            name.append('[').append(((Path.Index) steps.get(i)).index()).append(']');
        }
        return name.toString();
    }

    private static void walk(Node root, Path path, Map<String, AttributeValue> out) {
        Node node = root.fields.get(path.root());
        StringBuilder name = new StringBuilder(path.root());
        for (Path.Step step : path.steps()) {
            if (node.value != null) {
                break;
            }
            if (step instanceof Path.Field f) {
                node = node.fields.get(f.name());
                name.setLength(0);
                name.append(f.name());
            } else {
                int index = ((Path.Index) step).index();
                int position = node.elements.headMap(index).size();
                node = node.elements.get(index);
                name.append('[').append(index).append(']');
                if (position != index) {
                    break;
                }
            }
        }
        out.put(name.toString(), node.materialize());
    }

    /** The projected document: a selected value, or a map or list node of selected parts. */
    private static final class Node {
        private AttributeValue value;
        private final Map<String, Node> fields = new LinkedHashMap<>();
        private final TreeMap<Integer, Node> elements = new TreeMap<>();
        private final boolean list;

        private Node(boolean list) {
            this.list = list;
        }

        static Node map() {
            return new Node(false);
        }

        void insert(Path path, AttributeValue leaf) {
            Node node = fields.computeIfAbsent(path.root(), k -> new Node(startsList(path.steps(), 0)));
            List<Path.Step> steps = path.steps();
            for (int i = 0; i < steps.size() && node.value == null; i++) {
                boolean nextIsList = startsList(steps, i + 1);
                if (steps.get(i) instanceof Path.Field f) {
                    node = node.fields.computeIfAbsent(f.name(), k -> new Node(nextIsList));
                } else {
                    node = node.elements.computeIfAbsent(((Path.Index) steps.get(i)).index(), k -> new Node(nextIsList));
                }
            }
            if (node.value == null) {
                node.value = leaf;
            }
        }

        private static boolean startsList(List<Path.Step> steps, int at) {
            return at < steps.size() && steps.get(at) instanceof Path.Index;
        }

        AttributeValue materialize() {
            if (value != null) {
                return value;
            }
            if (list) {
                List<AttributeValue> out = new ArrayList<>();
                elements.values().forEach(n -> out.add(n.materialize()));
                return new AttributeValue.L(out);
            }
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            fields.forEach((k, n) -> out.put(k, n.materialize()));
            return new AttributeValue.M(out);
        }
    }
}
