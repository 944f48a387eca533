package dev.jdbcdynamo.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.planner.parse.ParsedStatement;
import dev.jdbcdynamo.planner.parse.Parser;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Literals leave a SELECT's conditions as parameters; statements whose literals matter keep them. */
class LiteralLifterTest {

    private static LiteralLifter.Lifted lift(String sql) {
        ParsedStatement parsed = Parser.parse(sql);
        return LiteralLifter.lift(parsed.statement(), parsed.parameterCount());
    }

    @Test
    void statementsDifferingOnlyInLiteralsHaveOneShape() {
        LiteralLifter.Lifted a = lift("SELECT * FROM t WHERE pk = 'a' AND sk BETWEEN 1 AND 2.5 AND c IN ('x', 7)");
        LiteralLifter.Lifted b = lift("SELECT  *  FROM t WHERE pk = 'bbb' AND sk BETWEEN -3 AND 4 AND c IN ('y', 'z')");
        assertThat(a.shape()).isEqualTo(b.shape())
                .isEqualTo("SELECT * FROM t WHERE (((pk = ?) AND (sk BETWEEN ? AND ?)) AND (c IN [?, ?]))");
        assertThat(a.values()).containsExactly(new AttributeValue.S("a"), new AttributeValue.N(new BigDecimal("1")),
                new AttributeValue.N(new BigDecimal("2.5")), new AttributeValue.S("x"),
                new AttributeValue.N(new BigDecimal("7")));
    }

    @Test
    void literalsOutsideComparisonsStay() {
        LiteralLifter.Lifted a = lift("SELECT a[1] FROM t WHERE pk = 'a' AND begins_with(sk, 'x') AND b = TRUE");
        assertThat(a.shape()).isEqualTo("SELECT a[1] FROM t WHERE (((pk = ?) AND begins_with(sk, 'x')) AND (b = TRUE))");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM t",
        "SELECT * FROM t WHERE pk = ? AND sk > 'm'",
        "SELECT * FROM t WHERE attribute_exists(a)",
        "EXPLAIN SELECT * FROM t WHERE pk = 'a'",
        "UPDATE t SET a = 1 WHERE pk = 'a'",
        "DELETE FROM t WHERE pk = 'a'",
        "INSERT INTO t VALUE {'pk': 'a'}",
        "SELECT * FROM t WHERE pk = 'a' LIMIT 5",
        "SELECT DISTINCT a FROM t WHERE pk = 'a'",
    })
    void statementsWhoseLiteralsMatterAreNotLifted(String sql) {
        assertThat(lift(sql)).isNull();
    }
}
