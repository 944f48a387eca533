package dev.jdbcdynamo.planner.parse;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.error.DynamoException;
import org.junit.jupiter.api.Test;

/** DynamoDB's limits on how deep a statement's literals and document paths nest (recorded from DynamoDB Local). */
class ParserLimitsTest {

    /** {@code {'a': {'a': ... 1}}} with {@code levels} maps. */
    private static String nestedMap(int levels) {
        return "{'a': ".repeat(levels) + "1" + "}".repeat(levels);
    }

    @Test
    void anInsertNestsAtMostThirtyTwoConstructorsItsItemIncluded() {
        assertThatCode(() -> Parser.parse("INSERT INTO t VALUE {'pk': 'x', 'v': " + nestedMap(31) + "}"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> Parser.parse("INSERT INTO t VALUE {'pk': 'x', 'v': " + nestedMap(32) + "}"))
                .isInstanceOf(DynamoException.class).hasMessage("Nesting Levels have exceeded supported limits");
        assertThatThrownBy(() -> Parser.parse("SELECT * FROM t WHERE v = [" + nestedMap(32) + "]"))
                .hasMessage("Nesting Levels have exceeded supported limits");
    }

    @Test
    void aDocumentPathHasAtMostThirtyTwoElements() {
        assertThatCode(() -> Parser.parse("SELECT v" + ".a".repeat(31) + " FROM t")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Parser.parse("SELECT v" + ".a".repeat(32) + " FROM t"))
                .isInstanceOf(DynamoException.class)
                .hasMessage("The document path has too many nesting levels; nesting levels: 33");
        assertThatThrownBy(() -> Parser.parse("SELECT * FROM t WHERE v" + "[0]".repeat(33) + " = 1"))
                .hasMessage("The document path has too many nesting levels; nesting levels: 34");
        assertThatThrownBy(() -> Parser.parse("UPDATE t SET v" + ".a".repeat(32) + " = 1 WHERE pk = 'a'"))
                .hasMessage("The document path has too many nesting levels; nesting levels: 33");
    }
}
