package dev.jdbcdynamo.planner.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random token soups and mutations of the recorded statements: the parser either returns an AST
 * that prints and parses back to itself, or throws a positioned DynamoException; never another
 * exception, never a stack overflow.
 */
class ParserFuzzTest {
    private static final List<ErrorCode> PARSER_CODES = List.of(ErrorCode.SYNTAX_ERROR, ErrorCode.VALIDATION,
            ErrorCode.UNSUPPORTED_LANGUAGE_FEATURE, ErrorCode.NUMBER_INVALID);

    private static final List<String> VOCABULARY = List.of(
            "SELECT", "*", "FROM", "t", "\"T\"", ".", "\"I\"", "WHERE", "a", "b.c", "[0]", "['k']", "=", "<>", "!=",
            "<", "<=", ">", ">=", "AND", "OR", "NOT", "BETWEEN", "IN", "IS", "MISSING", "NULL", "TRUE", "FALSE", "(",
            ")", "[", "]", "{", "}", "<<", ">>", ",", ":", ";", "'s'", "'it''s'", "1", "-2.5", "1E3", "?", "+", "-",
            "/", "%", "||", "INSERT", "INTO", "VALUE", "UPDATE", "SET", "REMOVE", "DELETE", "RETURNING", "ALL",
            "MODIFIED", "OLD", "NEW", "EXISTS", "ORDER", "BY", "DESC", "ASC", "GROUP", "HAVING", "LIMIT", "OFFSET",
            "JOIN", "ON", "LEFT", "CROSS", "AS", "DISTINCT", "count", "size", "begins_with", "CREATE", "TABLE", "DROP",
            "INDEX", "GLOBAL", "LOCAL", "PARTITION", "SORT", "KEY", "PROJECTION", "INCLUDE", "KEYS_ONLY", "STRING",
            "N", "EXPLAIN", "IF", "-- c\n", "/* c */", "'open", "\"open", "/*", "\n", "level", "\u00e9", "#", "`",
            "1.2.3", "99999999999999999999999999999999999999999", "1E999", "1E99999999999", "\"\"", "'\uD83D\uDE00'");

    private static final List<String> HAND_SEEDS = List.of(
            "SELECT * FROM Orders WHERE customer_id = 'C1' AND order_date BETWEEN '2024-01-05' AND '2024-02-11'",
            "INSERT INTO Docs VALUE {'id': 'd1', 'meta': {'a': 1, 'b': {'c': [1, 'two', {'three': 3}]}}, 'tags': <<'x'>>}",
            "UPDATE Orders SET total = total + 10.25 REMOVE coupon WHERE customer_id = 'C1' RETURNING ALL NEW *",
            "DELETE FROM Orders WHERE customer_id = ? AND order_date = ? RETURNING ALL OLD *",
            "EXISTS(SELECT * FROM Orders WHERE customer_id = 'C1' AND status IS NOT MISSING)");

    private static final String MUTATION_CHARACTERS = "abcXYZ019 .,;:*?'\"()[]{}<>=!-+/%|#`\n\t\u00e9";

    private static final List<String> SEEDS = Stream.concat(HAND_SEEDS.stream(),
            ConformanceCases.all().stream().map(ConformanceCases.CaseStatement::text)).distinct().toList();

    @Property(tries = 2000)
    void tokenSoupsParseOrFailCleanly(@ForAll("soups") String text) {
        check(text);
    }

    @Property(tries = 2000)
    void mutatedStatementsParseOrFailCleanly(@ForAll("mutants") String text) {
        check(text);
    }

    @Provide
    Arbitrary<String> soups() {
        return Arbitraries.of(VOCABULARY).list().ofMaxSize(40).map(words -> String.join(" ", words));
    }

    @Provide
    Arbitrary<String> mutants() {
        return Combinators.combine(Arbitraries.of(SEEDS), Arbitraries.integers().between(1, 6), Arbitraries.randoms())
                .as(ParserFuzzTest::mutate);
    }

    private static String mutate(String seed, int mutations, Random random) {
        StringBuilder text = new StringBuilder(seed);
        for (int i = 0; i < mutations && text.length() > 1; i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(5)) {
                case 0 -> text.insert(at, MUTATION_CHARACTERS.charAt(random.nextInt(MUTATION_CHARACTERS.length())));
                case 1 -> text.deleteCharAt(at);
                case 2 -> {
                    int other = Math.min(at + 1, text.length() - 1);
                    char c = text.charAt(at);
                    text.setCharAt(at, text.charAt(other));
                    text.setCharAt(other, c);
                }
                case 3 -> text.insert(at, text.substring(at, Math.min(text.length(), at + 1 + random.nextInt(12))));
                default -> text.setLength(at);
            }
        }
        return text.toString();
    }

    private static void check(String text) {
        ParsedStatement parsed;
        try {
            parsed = Parser.parse(text);
        } catch (DynamoException e) {
            assertThat(e.code()).as(e.getMessage()).isIn(PARSER_CODES);
            assertThat(e.code().errorName()).isEqualTo("ValidationException");
            assertThat(e.line()).as(e.getMessage()).isPositive();
            assertThat(e.column()).as(e.getMessage()).isPositive();
            return;
        }
        assertThat(parsed.parameterCount()).isNotNegative();
        String printed = AstPrinter.print(parsed.statement());
        assertThat(AstPrinter.print(Parser.parse(printed).statement())).as("reprinted %s", printed).isEqualTo(printed);
    }
}
