package dev.jdbcdynamo.planner.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A document path: a top-level attribute name followed by map fields and list indexes,
 * as in {@code a.b[0].c}.
 */
public record Path(String root, List<Step> steps) {
    public Path {
        requireNonNull(root, "root is null");
        steps = List.copyOf(steps);
    }

    public static Path of(String root) {
        return new Path(root, List.of());
    }

    /** One step after the root. */
    public sealed interface Step {
    }

    /** {@code .name} or {@code ."name"}. */
    public record Field(String name) implements Step {
        public Field {
            requireNonNull(name, "name is null");
        }
    }

    /** {@code [index]}. */
    public record Index(int index) implements Step {
    }

    /** {@code .*}: every field (SQL's {@code alias.*}; DynamoDB rejects it). */
    public record Wildcard() implements Step {
    }

    public boolean isTopLevel() {
        return steps.isEmpty();
    }

    /** The path as DynamoDB names it in results and messages: {@code a.b[0].c}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(root);
        for (Step step : steps) {
            if (step instanceof Field f) {
                sb.append('.').append(f.name());
            } else if (step instanceof Index i) {
                sb.append('[').append(i.index()).append(']');
            } else if (step instanceof Wildcard) {
                sb.append(".*");
            }
        }
        return sb.toString();
    }
}
