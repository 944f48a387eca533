package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DynamoDB's ProjectionExpression: the paths' values kept in their place in the document
 * ({@code a.b} answers {@code {"a": {"b": ...}}}, list elements in index order), unlike a PartiQL
 * SELECT list, which names each path's value at the top level.
 */
public final class DocumentProjection {
    private DocumentProjection() {
    }

    public static Map<String, AttributeValue> project(List<Path> paths, Map<String, AttributeValue> item) {
        Node root = new Node();
        for (Path path : paths) {
            AttributeValue value = item.get(path.root());
            Node node = root.child(path.root());
            boolean found = value != null;
            for (Path.Step step : path.steps()) {
                if (!found) {
                    break;
                }
                if (step instanceof Path.Field f && value instanceof AttributeValue.M m) {
                    value = m.value().get(f.name());
                    node = node.child(f.name());
                } else if (step instanceof Path.Index i && value instanceof AttributeValue.L l) {
                    value = i.index() < l.value().size() ? l.value().get(i.index()) : null;
                    node = node.element(i.index());
                } else {
                    value = null;
                }
                found = value != null;
            }
            if (found) {
                node.value = value;
            }
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        root.fields.forEach((name, child) -> {
            AttributeValue v = child.build();
            if (v != null) {
                out.put(name, v);
            }
        });
        return out;
    }

    /** A part of the answer (a path missing from the item leaves empty nodes, which build to null) under construction: a whole value, or fields, or list elements. */
    private static final class Node {
        AttributeValue value;
        final Map<String, Node> fields = new LinkedHashMap<>();
        final TreeMap<Integer, Node> elements = new TreeMap<>();

        Node child(String name) {
            return fields.computeIfAbsent(name, k -> new Node());
        }

        Node element(int index) {
            return elements.computeIfAbsent(index, k -> new Node());
        }

        AttributeValue build() {
            if (value != null) {
                return value;
            }
            if (!fields.isEmpty()) {
                Map<String, AttributeValue> m = new LinkedHashMap<>();
                fields.forEach((k, n) -> {
                    AttributeValue v = n.build();
                    if (v != null) {
                        m.put(k, v);
                    }
                });
                return m.isEmpty() ? null : new AttributeValue.M(m);
            }
            if (!elements.isEmpty()) {
                List<AttributeValue> l = new ArrayList<>();
                elements.values().forEach(n -> {
                    AttributeValue v = n.build();
                    if (v != null) {
                        l.add(v);
                    }
                });
                return l.isEmpty() ? null : new AttributeValue.L(l);
            }
            return null;
        }
    }
}
