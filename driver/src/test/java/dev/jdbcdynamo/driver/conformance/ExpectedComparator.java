package dev.jdbcdynamo.driver.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Compares produced lines with a case's {@code .expected} lines under the normalization rules of the cases' README. */
final class ExpectedComparator {
    // Numbers by value, set elements and object keys in any order, "sorted" lists and dumps as
    // multisets, "engine" lists in order, error codes with or without a trailing "Exception".
    // Error messages (a call's, a batch answer's, a cancellation reason's) are compared loosely,
    // and a different message is reported on its own, never as a failure. "pages" (the answer to a step's limit) is ignored: the runner cannot pass a
    // Limit through JDBC.

    private static final Pattern POSITION = Pattern.compile(
            "\\s*\\(?\\bat (\\d+:\\d+:\\d+|line \\d+, column \\d+)\\)?");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Members no runner output can match yet, left out of the comparison. */
    private static final Set<String> IGNORED = Set.of("pages");
    /** The members whose elements carry messages of their own: a batch's answers, a transaction's reasons. */
    private static final List<String> NESTED = List.of("batch", "reasons");

    /**
     * The outcome for one case.
     *
     * @param differences what differs, one entry per differing line; empty when the case passes
     * @param messageMismatches steps whose error code matched but whose message differs from DynamoDB's
     */
    record Result(List<String> differences, List<String> messageMismatches) {
        boolean passed() {
            return differences.isEmpty();
        }
    }

    private ExpectedComparator() {
    }

    static Result compare(List<String> expected, List<String> produced) {
        Map<String, JsonNode> want = byKey(expected);
        Map<String, JsonNode> got = byKey(produced);
        List<String> differences = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>(want.keySet());
        keys.addAll(got.keySet());
        for (String key : keys) {
            JsonNode e = want.get(key);
            JsonNode g = got.get(key);
            if (g == null) {
                differences.add(key + ": no output, expected " + CanonicalJson.write(e));
            } else if (e == null) {
                differences.add(key + ": unexpected output " + CanonicalJson.write(g));
            } else {
                compareLine(key, e, g, differences, messages);
            }
        }
        return new Result(List.copyOf(differences), List.copyOf(messages));
    }

    /** Lines keyed by {@code step N} or {@code dump T}, so that a missing line shifts nothing. */
    private static Map<String, JsonNode> byKey(List<String> lines) {
        Map<String, JsonNode> keyed = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = CanonicalJson.parse(lines.get(i));
            String key = line.has("step") ? "step " + line.get("step").asText()
                    : line.has("dump") ? "dump " + line.get("dump").asText()
                    : "line " + (i + 1);
            if (keyed.containsKey(key)) {
                key = key + " (line " + (i + 1) + ")";
            }
            keyed.put(key, line);
        }
        return keyed;
    }

    private static void compareLine(String key, JsonNode want, JsonNode got, List<String> differences,
            List<String> messages) {
        boolean wantError = want.has("error") && !want.has("dump");
        boolean gotError = got.has("error");
        if (wantError != gotError) {
            differences.add(key + ": expected " + CanonicalJson.write(want) + " but got " + CanonicalJson.write(got));
            return;
        }
        if (wantError) {
            String wantCode = code(want.get("error").asText());
            String gotCode = code(got.get("error").asText());
            if (!wantCode.equals(gotCode)) {
                differences.add(key + ": expected error " + want.get("error").asText() + " (" + want.path("message").asText()
                        + ") but got " + got.get("error").asText() + " (" + got.path("message").asText() + ")");
                return;
            }
            if (!looselyEqual(want.path("message").asText(), got.path("message").asText())) {
                messages.add(key + ": " + want.get("error").asText() + " message \"" + want.path("message").asText()
                        + "\", driver says \"" + got.path("message").asText() + "\"");
            }
        }
        nestedMessages(key, want, got, messages);
        boolean unordered = want.has("dump") || "sorted".equals(want.path("order").asText());
        JsonNode w = CanonicalJson.comparable(strip(want, wantError), unordered);
        JsonNode g = CanonicalJson.comparable(strip(got, wantError), unordered);
        if (w.equals(g)) {
            return;
        }
        StringBuilder detail = new StringBuilder(key).append(':');
        if (want.has("items") && got.has("items") && want.get("items").isArray() && got.get("items").isArray()) {
            describeItems(want.get("items"), got.get("items"), unordered, detail);
        }
        for (String member : members(w, g)) {
            if (!member.equals("items") && !w.path(member).equals(g.path(member))) {
                detail.append(' ').append(member).append(" expected ").append(text(want.get(member)))
                        .append(" but got ").append(text(got.get(member))).append(';');
            }
        }
        differences.add(detail.toString());
    }

    /**
     * The messages of a batch's answers and of a transaction's cancellation reasons, which are
     * DynamoDB's words like a call's message: a differing one is reported, not failed (codes are compared).
     */
    private static void nestedMessages(String key, JsonNode want, JsonNode got, List<String> messages) {
        for (String member : NESTED) {
            JsonNode w = want.path(member);
            JsonNode g = got.path(member);
            if (!w.isArray() || !g.isArray() || w.size() != g.size()) {
                continue;
            }
            for (int i = 0; i < w.size(); i++) {
                String wm = w.get(i).path("message").asText("");
                String gm = g.get(i).path("message").asText("");
                if (!looselyEqual(wm, gm)) {
                    messages.add(key + ": " + member + "[" + i + "] " + w.get(i).path("error").asText(w.get(i).path("code").asText())
                            + " message \"" + wm + "\", driver says \"" + gm + "\"");
                }
            }
        }
    }

    /** The line without the members compared elsewhere (error code and messages) or not at all. */
    private static JsonNode strip(JsonNode line, boolean error) {
        ObjectNode copy = ((ObjectNode) line).deepCopy();
        copy.remove(IGNORED);
        if (error) {
            copy.remove(List.of("error", "message"));
        }
        for (String member : NESTED) {
            for (JsonNode element : copy.path(member)) {
                if (element instanceof ObjectNode o) {
                    o.remove("message");
                }
            }
        }
        return copy;
    }

    /** Which items are missing and which are extra (as multisets), or that only their order differs. */
    private static void describeItems(JsonNode want, JsonNode got, boolean unordered, StringBuilder out) {
        Map<String, Integer> counts = new HashMap<>();
        Map<String, String> originals = new HashMap<>();
        for (JsonNode item : want) {
            String c = CanonicalJson.write(CanonicalJson.comparableItem(item));
            counts.merge(c, 1, Integer::sum);
            originals.putIfAbsent(c, CanonicalJson.write(item));
        }
        List<String> extra = new ArrayList<>();
        for (JsonNode item : got) {
            String c = CanonicalJson.write(CanonicalJson.comparableItem(item));
            Integer n = counts.get(c);
            if (n == null || n == 0) {
                extra.add(CanonicalJson.write(item));
            } else {
                counts.put(c, n - 1);
            }
        }
        List<String> missing = new ArrayList<>();
        counts.forEach((c, n) -> {
            for (int i = 0; i < n; i++) {
                missing.add(originals.get(c));
            }
        });
        if (missing.isEmpty() && extra.isEmpty()) {
            if (!unordered) {
                out.append(" same items in another order, got ").append(CanonicalJson.write(got)).append(';');
            }
            return;
        }
        out.append(" expected ").append(want.size()).append(" items, got ").append(got.size()).append(';');
        if (!missing.isEmpty()) {
            out.append(" missing ").append(String.join(", ", missing)).append(';');
        }
        if (!extra.isEmpty()) {
            out.append(" unexpected ").append(String.join(", ", extra)).append(';');
        }
    }

    private static Set<String> members(JsonNode a, JsonNode b) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode node : new JsonNode[] {a, b}) {
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(names::add);
        }
        return names;
    }

    private static String text(JsonNode node) {
        return node == null ? "nothing" : CanonicalJson.write(node);
    }

    /** An error code without its optional trailing {@code Exception}. */
    static String code(String code) {
        return code.endsWith("Exception") ? code.substring(0, code.length() - "Exception".length()) : code;
    }

    /** Equal ignoring case, spacing, a final period and positions such as {@code at 1:88:7}. */
    static boolean looselyEqual(String want, String got) {
        return loose(want).equals(loose(got));
    }

    private static String loose(String message) {
        String m = POSITION.matcher(message).replaceAll("");
        m = SPACES.matcher(m.trim()).replaceAll(" ").toLowerCase(Locale.ROOT);
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }
}
