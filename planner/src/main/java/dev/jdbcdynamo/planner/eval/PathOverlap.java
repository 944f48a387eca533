package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * DynamoDB's check that the document paths of one projection or one update neither overlap (one
 * is a prefix of the other, or both are the same) nor conflict (one reads a step as a map field
 * where the other reads it as a list index). "Path one" is the later path, "path two" the earlier.
 */
final class PathOverlap {
    private PathOverlap() {
    }

    static void check(List<Path> paths) {
        List<Path> seen = new ArrayList<>();
        for (Path path : paths) {
            for (Path earlier : seen) {
                checkPair(path, earlier);
            }
            seen.add(path);
        }
    }

    private static void checkPair(Path later, Path earlier) {
        if (!later.root().equals(earlier.root())) {
            return;
        }
        int common = Math.min(later.steps().size(), earlier.steps().size());
        for (int i = 0; i < common; i++) {
            Path.Step a = later.steps().get(i);
            Path.Step b = earlier.steps().get(i);
            if (a.getClass() != b.getClass()) {
                throw error("conflict", later, earlier);
            }
            if (!a.equals(b)) {
                return;
            }
        }
        throw error("overlap", later, earlier);
    }

    private static RuntimeException error(String kind, Path one, Path two) {
        return ErrorCode.VALIDATION.error("Two document paths " + kind + " with each other; must remove or rewrite "
                + "one of these paths; path one: " + text(one) + ", path two: " + text(two));
    }

    /** A path as DynamoDB prints it in messages: {@code [a, b, [0]]}. */
    static String text(Path path) {
        StringJoiner out = new StringJoiner(", ", "[", "]");
        out.add(path.root());
        for (Path.Step step : path.steps()) {
            out.add(step instanceof Path.Field f ? f.name() : "[" + ((Path.Index) step).index() + "]");
        }
        return out.toString();
    }
}
