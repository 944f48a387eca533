package dev.jdbcdynamo.planner.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every statement of the recorded DynamoDB cases parses, or fails as DynamoDB failed: a syntax
 * error where DynamoDB said "Statement wasn't well formed", DynamoDB's own message where it
 * refused well-formed text for reasons the parser can see, and no error from the parser for
 * failures that need the catalog or the data.
 */
class ConformanceStatementsTest {
    private static final String NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";

    /** DynamoDB's messages about the text itself, which the parser must give. */
    private static final List<Pattern> PARSER_MESSAGES = patterns(
            "Duplicate keys in tuple\\. .*", "Empty bags are not supported at .*",
            "Expected '\\*' after \\( MODIFIED \\| ALL \\) \\( NEW \\| OLD \\) in RETURNING clause",
            "Unsupported operation: InsertOp", "MISSING must be compared using IS operator",
            "Unsupported data type: (MISSING|LiteralMissing) under key .*", "Tuple keys must be of type String\\..*",
            "Unexpected path component at .*", "List index is not within the allowable range.*",
            "Path component cannot be an empty string", "Invalid returning clause: .*",
            "A path may contain at most 2 components in the FROM clause", "Unsupported format in item expression\\..*",
            "Nesting Levels have exceeded supported limits", "RETURNING is not supported in INSERT",
            "The document path has too many nesting levels; nesting levels: \\d+");

    /** Messages the parser gives for some texts only (a literal number, not a parameter, out of range). */
    private static final List<Pattern> MAYBE_PARSER_MESSAGES = patterns(
            "DynamoDB only supports precision up to 38 digits", "Number (overflow|underflow)\\..*",
            "Unsupported operator in Condition Expression\\..*", "IN operator must have .*",
            "Member must have length less than or equal to 8192");

    private static List<Pattern> patterns(String... regexes) {
        return Stream.of(regexes).map(Pattern::compile).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyCaseStatementParsesOrFailsAsDynamoDb() {
        List<ConformanceCases.CaseStatement> statements = ConformanceCases.all();
        assertThat(statements).hasSizeGreaterThan(100);
        return statements.stream().map(s -> DynamicTest.dynamicTest(s.where() + ": " + s.text(), () -> check(s)));
    }

    private static void check(ConformanceCases.CaseStatement s) {
        String message = s.message() == null ? "" : s.message();
        if (message.equals(NOT_WELL_FORMED + s.text())) {
            DynamoException e = catchThrowableOfType(DynamoException.class, () -> Parser.parse(s.text()));
            assertThat(e).as("syntax error expected").isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
            assertThat(e.getMessage()).startsWith(NOT_WELL_FORMED);
            assertThat(e.line()).isPositive();
            assertThat(e.column()).isPositive();
        } else if (matches(PARSER_MESSAGES, message)) {
            DynamoException e = catchThrowableOfType(DynamoException.class, () -> Parser.parse(s.text()));
            assertThat(e).as("DynamoDB's error expected: %s", message).isNotNull();
            assertThat(e.code().errorName()).isEqualTo(withException(s.error()));
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.line()).isPositive();
        } else if (matches(MAYBE_PARSER_MESSAGES, message)) {
            try {
                Parser.parse(s.text());
            } catch (DynamoException e) {
                assertThat(e.getMessage()).isEqualTo(message);
                assertThat(e.code().errorName()).isEqualTo(withException(s.error()));
            }
        } else {
            assertThatCode(() -> Parser.parse(s.text())).as(s.where()).doesNotThrowAnyException();
        }
    }

    private static boolean matches(List<Pattern> patterns, String message) {
        return patterns.stream().anyMatch(p -> p.matcher(message).matches());
    }

    private static String withException(String error) {
        return error.endsWith("Exception") ? error : error + "Exception";
    }
}
