package dev.jdbcdynamo.planner.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jdbcdynamo.planner.error.DynamoException;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB refuses {@code *} and {@code /} ("Unsupported operator") before it checks the numbers
 * around them (recorded: {@code SET z = 1E200 * 1E200} is the operator's error, not an overflow);
 * without such an operator an out-of-range literal is still refused when the statement parses.
 */
class UnsupportedArithmeticTest {
    @Test
    void anOperatorDynamoDbRefusesWinsOverTheRangeOfTheNumbersAroundIt() {
        assertThatCode(() -> Parser.parse("UPDATE t SET z = 1E200 * 1E200 WHERE pk = 'a'")).doesNotThrowAnyException();
        assertThatCode(() -> Parser.parse("UPDATE t SET z = 2 / 1E200 WHERE pk = 'a'")).doesNotThrowAnyException();
    }

    @Test
    void withoutSuchAnOperatorAnOutOfRangeLiteralIsRefusedAtParse() {
        DynamoException e = catchThrowableOfType(DynamoException.class,
                () -> Parser.parse("UPDATE t SET z = 1E200 + 1 WHERE pk = 'a'"));
        assertThat(e).isNotNull();
        assertThat(e.code().errorName()).isEqualTo("ValidationException");
        assertThat(e.getMessage()).startsWith("Number overflow.");
    }
}
