package dev.jdbcdynamo.bench.conformance.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** DynamoDB's limits at, below and above each: IN operands, nesting depth, item and key sizes, statement length, numbers. */
final class LimitCases {
    /** DynamoDB's item size limit, in bytes (names and values together). */
    private static final int ITEM_SIZE = 400 * 1024;

    private LimitCases() {
    }

    static void addTo(Corpus corpus) {
        inOperands(corpus);
        nesting(corpus);
        sizes(corpus);
        statementLength(corpus);
        numbers(corpus);
    }

    private static void inOperands(Corpus corpus) {
        for (int n : new int[] {49, 50, 51, 99, 100, 101}) {
            corpus.add("limits", "in_pk_" + n, new CaseFile("IN with " + n + " operands on the partition key")
                    .table(Fixture.indexed()).statement("SELECT pk, sk FROM \"Idx\" WHERE pk IN " + list(n, "'p", "'")));
            corpus.add("limits", "in_sk_" + n, new CaseFile("IN with " + n + " operands on the sort key")
                    .table(Fixture.indexed())
                    .statement("SELECT pk, sk FROM \"Idx\" WHERE pk = 'a' AND sk IN " + list(n, "", "")));
            corpus.add("limits", "in_plain_" + n, new CaseFile("IN with " + n + " operands on a plain attribute")
                    .table(Fixture.indexed()).statement("SELECT pk, sk FROM \"Idx\" WHERE v IN " + list(n, "", "")));
            JsonNode[] params = new JsonNode[n];
            for (int i = 0; i < n; i++) {
                params[i] = Av.s("p" + (i + 1));
            }
            corpus.add("limits", "in_pk_params_" + n, new CaseFile("IN with " + n + " parameters on the partition key")
                    .table(Fixture.indexed())
                    .statement("SELECT pk, sk FROM \"Idx\" WHERE pk IN [" + String.join(", ", java.util.Collections.nCopies(n, "?")) + "]",
                            params));
        }
    }

    /** {@code [<prefix>1<suffix>, ...]}; the value 1 matches the fixture so a result is not always empty. */
    private static String list(int n, String prefix, String suffix) {
        List<String> values = new ArrayList<>();
        values.add(prefix.isEmpty() ? "1" : "'a'");
        for (int i = 2; i <= n; i++) {
            values.add(prefix + (1000 + i) + suffix);
        }
        return "[" + String.join(", ", values) + "]";
    }

    private static void nesting(Corpus corpus) {
        for (int depth : new int[] {31, 32, 33}) {
            StringBuilder literal = new StringBuilder("1");
            JsonNode param = Av.n("1");
            for (int i = 0; i < depth; i++) {
                literal.insert(0, "{'a': ").append('}');
                param = Av.m("a", param);
            }
            corpus.add("limits", "nesting_literal_" + depth, new CaseFile("A map literal nested " + depth + " levels deep")
                    .table(Fixture.flat())
                    .statement("INSERT INTO \"Flat\" VALUE {'pk': 'deep', 'v': " + literal + "}"));
            corpus.add("limits", "nesting_param_" + depth, new CaseFile("A map parameter nested " + depth + " levels deep")
                    .table(Fixture.flat())
                    .statement("INSERT INTO \"Flat\" VALUE {'pk': 'deep', 'v': ?}", param));
            String path = "v" + ".a".repeat(depth);
            corpus.add("limits", "path_depth_select_" + depth, new CaseFile("A document path of " + (depth + 1) + " elements in a projection")
                    .table(Fixture.flat()).statement("SELECT " + path + " FROM \"Flat\" WHERE pk = 'a'"));
            corpus.add("limits", "path_depth_update_" + depth, new CaseFile("A document path of " + (depth + 1) + " elements in SET")
                    .table(Fixture.flat()).statement("UPDATE \"Flat\" SET " + path + " = 1 WHERE pk = 'a'"));
            String parens = "(".repeat(depth) + "v = 1" + ")".repeat(depth);
            corpus.add("limits", "parentheses_" + depth, new CaseFile("A condition inside " + depth + " parentheses")
                    .table(Fixture.flat()).statement("SELECT * FROM \"Flat\" WHERE pk = 'a' AND " + parens));
        }
    }

    private static void sizes(Corpus corpus) {
        // Item size: attribute names plus values; {'pk': 'big', 'v': <S>} is 2 + 3 + 1 + length bytes.
        int atLimit = ITEM_SIZE - 6;
        for (int delta : new int[] {-1, 0, 1}) {
            String name = delta < 0 ? "below" : delta == 0 ? "at" : "above";
            corpus.add("limits", "item_size_" + name, new CaseFile("An item of " + (ITEM_SIZE + delta) + " bytes")
                    .table(Fixture.flat())
                    .statement("INSERT INTO \"Flat\" VALUE {'pk': 'big', 'v': ?}", Av.s("x".repeat(atLimit + delta)))
                    .statement("SELECT pk FROM \"Flat\" WHERE pk = 'big'")
                    .dump(false));
        }
        for (int n : new int[] {2047, 2048, 2049}) {
            String key = "k".repeat(n);
            corpus.add("limits", "pk_size_" + n, new CaseFile("A partition key of " + n + " bytes")
                    .table(Fixture.flat())
                    .statement("INSERT INTO \"Flat\" VALUE {'pk': '" + key + "'}")
                    .statement("SELECT * FROM \"Flat\" WHERE pk = '" + key + "'"));
            corpus.add("limits", "pk_size_binary_" + n, new CaseFile("A binary partition key of " + n + " bytes")
                    .table(Fixture.keys("B"))
                    .statement("INSERT INTO \"KeyB\" VALUE {'pk': ?, 'sk': ?}", Av.b(key), Fixture.key("B", 1)));
        }
        for (int n : new int[] {1023, 1024, 1025}) {
            String key = "k".repeat(n);
            corpus.add("limits", "sk_size_" + n, new CaseFile("A sort key of " + n + " bytes")
                    .table(Fixture.keys("S"))
                    .statement("INSERT INTO \"KeyS\" VALUE {'pk': 'k1', 'sk': '" + key + "'}")
                    .statement("SELECT pk FROM \"KeyS\" WHERE pk = 'k1' AND sk = '" + key + "'"));
            corpus.add("limits", "gsi_key_size_" + n, new CaseFile("A global index sort key of " + n + " bytes")
                    .table(Fixture.indexed())
                    .statement("INSERT INTO \"Idx\" VALUE {'pk': 'c', 'sk': 1, 'g': 'x', 'gr': 1, 'l': '" + key + "'}"));
        }
    }

    private static void statementLength(Corpus corpus) {
        for (int length : new int[] {8191, 8192, 8193}) {
            String head = "SELECT * FROM \"Flat\" WHERE v = '";
            String sql = head + "x".repeat(length - head.length() - 1) + "'";
            corpus.add("limits", "statement_length_" + length, new CaseFile("A statement of " + length + " characters")
                    .table(Fixture.flat()).statement(sql));
        }
    }

    private static void numbers(Corpus corpus) {
        String[][] numbers = {
            {"smallest_positive", "1E-130"}, {"below_smallest_positive", "1E-131"},
            {"largest", "9.9999999999999999999999999999999999999E+125"}, {"above_largest", "1E+126"},
            {"smallest_negative", "-1E-130"}, {"below_smallest_negative", "-1E-131"},
            {"most_negative", "-9.9999999999999999999999999999999999999E+125"}, {"below_most_negative", "-1E+126"},
            {"digits_38", "12345678901234567890123456789012345678"},
            {"digits_39", "123456789012345678901234567890123456789"},
            {"digits_39_trailing_zero", "1234567890123456789012345678901234567890"},
            {"fraction_38", "0.12345678901234567890123456789012345678"},
            {"fraction_39", "0.123456789012345678901234567890123456789"},
            {"leading_zeros_38", "00012345678901234567890123456789012345678"},
        };
        for (String[] n : numbers) {
            CaseFile c = new CaseFile("The number " + n[1] + " as an attribute and as a key, literal and parameter");
            if (n[0].equals("fraction_39")) {
                c.deviation("DynamoDB Local accepts 39 significant digits after the decimal point; the service documents"
                        + " 38 digits of precision for every number");
            }
            corpus.add("limits", "number_" + n[0], c
                    .table(Fixture.flat()).table(Fixture.keys("N"))
                    .statement("INSERT INTO \"Flat\" VALUE {'pk': 'lit', 'v': " + n[1] + "}")
                    .statement("INSERT INTO \"Flat\" VALUE {'pk': 'par', 'v': ?}", Av.n(n[1]))
                    .statement("INSERT INTO \"KeyN\" VALUE {'pk': " + n[1] + ", 'sk': 1}")
                    .statement("SELECT * FROM \"KeyN\" WHERE pk = ?", Av.n(n[1])));
        }
        corpus.add("limits", "number_arithmetic_overflow", new CaseFile("SET arithmetic beyond the largest number")
                .table(Fixture.flat())
                .statement("UPDATE \"Flat\" SET v = 9.9E+125 WHERE pk = 'a'")
                .statement("UPDATE \"Flat\" SET v = v + 9.9E+125 WHERE pk = 'a'")
                .statement("UPDATE \"Flat\" SET v = v - v - v - v WHERE pk = 'a'"));
        corpus.add("limits", "number_arithmetic_precision", new CaseFile("SET arithmetic needing more than 38 digits")
                .table(Fixture.flat())
                .statement("UPDATE \"Flat\" SET v = 12345678901234567890123456789012345678 WHERE pk = 'a'")
                .statement("UPDATE \"Flat\" SET v = v + 0.5 WHERE pk = 'a'"));
    }
}
