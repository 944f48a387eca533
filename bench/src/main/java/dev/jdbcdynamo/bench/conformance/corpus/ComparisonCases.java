package dev.jdbcdynamo.bench.conformance.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Every comparison operator and condition function on each kind of attribute of {@link Fixture#indexed()}:
 * partition key, sort key, a local index's sort key, a global index's partition and sort keys, and a
 * plain attribute; literals on either side; literals and parameters.
 */
final class ComparisonCases {
    /**
     * Where a condition is tested.
     *
     * @param id the case name's part
     * @param from the FROM clause
     * @param fixedKey the equality that must precede the condition (a query needs its partition key), or null
     * @param attr the attribute under test
     * @param values three values of the attribute's type in ascending order, as literal text
     * @param type the attribute's type in the items that have it
     */
    record Target(String id, String from, String fixedKey, String attr, List<String> values, String type) {
    }

    /** The fixed partition keys are {@code pk = 'a'} on the table and the local index, {@code g = 'x'} on the global one. */
    static final List<Target> TARGETS = List.of(
            new Target("pk", "\"Idx\"", null, "pk", List.of("'a'", "'b'", "'c'"), "S"),
            new Target("sk", "\"Idx\"", "pk:'a'", "sk", List.of("1", "2", "3"), "N"),
            new Target("lsi", "\"Idx\".\"ByL\"", "pk:'a'", "l", List.of("'l1'", "'l2'", "'l3'"), "S"),
            new Target("gsi_hash", "\"Idx\".\"ByG\"", null, "g", List.of("'w'", "'x'", "'y'"), "S"),
            new Target("gsi_range", "\"Idx\".\"ByG\"", "g:'x'", "gr", List.of("1", "2", "4"), "N"),
            new Target("plain", "\"Idx\"", null, "v", List.of("1", "2", "3"), "N"));

    /** Recorded: DynamoDB Local reads {@code 2 > sk} in a key condition as {@code sk > 2}; PartiQL means {@code sk < 2}. */
    static final String SORT_KEY_LEFT = "DynamoDB Local does not mirror a sort key condition written with the literal on the left"
            + " (it answers '2 > sk' as 'sk > 2'; with the attribute on the right it answers correctly, and so does a filter);"
            + " the service treats 'a < b' and 'b > a' alike, and so should the driver";

    /** The conditions on a key's presence, which DynamoDB Local cannot answer for a key attribute. */
    private static final java.util.Set<String> MISSING_ON_KEY = java.util.Set.of(
            "attribute_exists", "attribute_not_exists", "is_missing", "is_not_missing");
    private static final String MISSING_ON_KEY_NOTE = "DynamoDB Local answers InternalFailure (an unhandled error) to a"
            + " presence test of a key attribute; the service is not expected to fail internally";

    private static final String[][] OPERATORS = {
        {"eq", "="}, {"ne", "<>"}, {"lt", "<"}, {"le", "<="}, {"gt", ">"}, {"ge", ">="},
    };

    private ComparisonCases() {
    }

    static void addTo(Corpus corpus) {
        for (Target t : TARGETS) {
            for (String[] op : OPERATORS) {
                for (boolean left : new boolean[] {false, true}) {
                    String mid = t.values().get(1);
                    String cond = left ? mid + " " + mirror(op[1]) + " " + t.attr() : t.attr() + " " + op[1] + " " + mid;
                    String condParam = left ? "? " + mirror(op[1]) + " " + t.attr() : t.attr() + " " + op[1] + " ?";
                    CaseFile c = new CaseFile(t.attr() + " " + op[1] + " " + mid + " on the " + t.id()
                            + (left ? ", written with the literal on the left" : "") + "; then with parameters")
                            .table(Fixture.indexed());
                    c.statement(select(t, cond, left, false));
                    List<JsonNode> params = new ArrayList<>(fixedParams(t));
                    params.add(value(mid));
                    c.statement(select(t, condParam, left, true), params.toArray(JsonNode[]::new));
                    if (left && t.fixedKey() != null && !op[1].equals("=") && !op[1].equals("<>")) {
                        c.deviation(SORT_KEY_LEFT);
                    }
                    corpus.add("compare", t.id() + "_" + op[0] + (left ? "_left" : "_right"), c);
                }
            }
            functions(corpus, t);
        }
    }

    private static void functions(Corpus corpus, Target t) {
        String lo = t.values().get(0);
        String mid = t.values().get(1);
        String hi = t.values().get(2);
        String a = t.attr();
        String other = t.type().equals("S") ? "N" : "S";
        add(corpus, t, "between", a + " BETWEEN " + lo + " AND " + mid, a + " BETWEEN ? AND ?", lo, mid);
        add(corpus, t, "between_reversed", a + " BETWEEN " + hi + " AND " + lo, a + " BETWEEN ? AND ?", hi, lo);
        add(corpus, t, "between_equal", a + " BETWEEN " + mid + " AND " + mid, a + " BETWEEN ? AND ?", mid, mid);
        add(corpus, t, "in_one", a + " IN [" + mid + "]", a + " IN [?]", mid);
        add(corpus, t, "in_three", a + " IN [" + lo + ", " + mid + ", " + hi + "]", a + " IN [?, ?, ?]", lo, mid, hi);
        add(corpus, t, "begins_with", "begins_with(" + a + ", " + lo + ")", "begins_with(" + a + ", ?)", lo);
        add(corpus, t, "contains", "contains(" + a + ", " + mid + ")", "contains(" + a + ", ?)", mid);
        add(corpus, t, "attribute_exists", "attribute_exists(" + a + ")", null);
        add(corpus, t, "attribute_not_exists", "attribute_not_exists(" + a + ")", null);
        add(corpus, t, "attribute_type", "attribute_type(" + a + ", '" + t.type() + "')", "attribute_type(" + a + ", ?)",
                "'" + t.type() + "'");
        add(corpus, t, "attribute_type_other", "attribute_type(" + a + ", '" + other + "')", null);
        add(corpus, t, "size", "size(" + a + ") > 1", "size(" + a + ") > ?", "1");
        add(corpus, t, "is_missing", a + " IS MISSING", null);
        add(corpus, t, "is_not_missing", a + " IS NOT MISSING", null);
        add(corpus, t, "is_null", a + " IS NULL", null);
        add(corpus, t, "is_not_null", a + " IS NOT NULL", null);
        add(corpus, t, "not_eq", "NOT (" + a + " = " + mid + ")", "NOT (" + a + " = ?)", mid);
        add(corpus, t, "or", "(" + a + " = " + lo + " OR " + a + " = " + hi + ")", "(" + a + " = ? OR " + a + " = ?)", lo, hi);
        add(corpus, t, "and_range", a + " >= " + lo + " AND " + a + " <= " + mid, a + " >= ? AND " + a + " <= ?", lo, mid);
        add(corpus, t, "and_range_left", lo + " <= " + a + " AND " + mid + " >= " + a, "? <= " + a + " AND ? >= " + a, lo, mid);
    }

    /** A case with the literal condition, then (when given) the same with parameters for the given literals. */
    private static void add(Corpus corpus, Target t, String name, String cond, String condParam, String... literals) {
        CaseFile c = new CaseFile(cond + " on the " + t.id() + (condParam == null ? "" : "; then with parameters"))
                .table(Fixture.indexed());
        c.statement(select(t, cond, false, false));
        if (condParam != null) {
            List<JsonNode> params = new ArrayList<>(fixedParams(t));
            for (String l : literals) {
                params.add(value(l));
            }
            c.statement(select(t, condParam, false, true), params.toArray(JsonNode[]::new));
        }
        if (!t.id().equals("plain") && MISSING_ON_KEY.contains(name)) {
            c.deviation(MISSING_ON_KEY_NOTE);
        }
        corpus.add("function", t.id() + "_" + name, c);
    }

    private static String select(Target t, String cond, boolean left, boolean parameters) {
        String where = cond;
        if (t.fixedKey() != null) {
            String[] key = t.fixedKey().split(":", 2);
            String value = parameters ? "?" : key[1];
            where = (left ? value + " = " + key[0] : key[0] + " = " + value) + " AND " + where;
        }
        return "SELECT * FROM " + t.from() + " WHERE " + where;
    }

    private static List<JsonNode> fixedParams(Target t) {
        return t.fixedKey() == null ? List.of() : List.of(value(t.fixedKey().split(":", 2)[1]));
    }

    /** The parameter for a literal of this class: a quoted string or a number. */
    static JsonNode value(String literal) {
        return literal.startsWith("'") ? Av.s(literal.substring(1, literal.length() - 1)) : Av.n(literal);
    }

    /** The operator that keeps the meaning when the operands change sides. */
    static String mirror(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }
}
