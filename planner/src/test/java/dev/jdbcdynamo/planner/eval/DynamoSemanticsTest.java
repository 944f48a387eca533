package dev.jdbcdynamo.planner.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.parse.Parser;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** DynamoDB's rules for conditions and updates, on items given as DynamoDB JSON. */
class DynamoSemanticsTest {
    private static final Map<String, AttributeValue> ITEM = DynamoJson.readItem("""
            {"id":{"S":"a"},"n":{"N":"5"},"s":{"S":"\uFFFF"},"t":{"BOOL":false},"z":{"NULL":true},
             "ss":{"SS":["x","y"]},"l":{"L":[{"N":"1"},{"S":"two"}]},"m":{"M":{"k":{"S":"v"}}},
             "b":{"B":"AAE="}}""");

    private static boolean where(String condition) {
        Statement.Select select = (Statement.Select) Parser.parse("SELECT * FROM t WHERE " + condition).statement();
        return ConditionEvaluator.test(select.where(), ITEM, List.of());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        n = 5                              | true
        n = '5'                            | false
        n <> '5'                           | true
        absent <> 1                       | true
        absent = 1                         | false
        NOT absent < 1                     | true
        z IS NULL                          | true
        absent IS NULL                     | false
        absent IS MISSING                  | true
        z IS NOT MISSING                   | true
        s > 'z'                            | true
        s < '\uD83D\uDE00'                 | true
        n BETWEEN 1 AND 5                  | true
        n IN (1, '5', 5)                   | true
        contains(ss, 'x')                  | true
        contains(l, 'two')                 | true
        contains(id, 'a')                  | true
        begins_with(id, 'a')               | true
        attribute_type(m, 'M')             | true
        attribute_type(l, 'M')             | false
        size(l) = 2                        | true
        size(absent) = 0                   | false
        size(b) = 2                        | true
        m.k = 'v'                          | true
        l[1] = 'two'                       | true
        l[9] = 'two'                       | false
        attribute_exists(m.k) AND attribute_not_exists(m.q) | true
        t = false OR n > 100               | true
        """)
    void conditions(String condition, boolean expected) {
        assertThat(where(condition)).isEqualTo(expected);
    }

    @Test
    void invalidConditionsAreDynamoDbsErrors() {
        assertThatThrownBy(() -> where("n BETWEEN 50 AND 1")).isInstanceOf(DynamoException.class)
                .hasMessageContaining("BETWEEN operator requires upper bound");
        assertThatThrownBy(() -> where("t < true")).isInstanceOf(DynamoException.class)
                .hasMessageContaining("operand type: BOOL");
        assertThatThrownBy(() -> where("lower(id) = 'a'")).isInstanceOf(DynamoException.class)
                .hasMessageContaining("Unrecognized function: lower");
    }

    private static UpdateApplier.Result update(String actions) {
        Statement.Update u = (Statement.Update) Parser.parse("UPDATE t " + actions + " WHERE id = 'a'").statement();
        return UpdateApplier.apply(ITEM, u.actions(), List.of());
    }

    @Test
    void updatesFollowDynamoDb() {
        UpdateApplier.Result r = update("SET n = n + 1 SET m.q = 'new' REMOVE l[0] SET ss = set_delete(ss, <<'x', 'y'>>)");
        assertThat(r.item().get("n")).isEqualTo(AttributeValue.N.of(6));
        assertThat(((AttributeValue.M) r.item().get("m")).value()).containsKeys("k", "q");
        assertThat(((AttributeValue.L) r.item().get("l")).value()).containsExactly(new AttributeValue.S("two"));
        assertThat(r.item()).doesNotContainKey("ss");
        assertThat(r.modified()).containsExactlyInAnyOrder("n", "m", "l", "ss");
        assertThat(ITEM.get("n")).as("the old item is untouched").isEqualTo(AttributeValue.N.of(5));

        assertThat(((AttributeValue.L) update("SET l[7] = 3").item().get("l")).value()).hasSize(3);
        assertThatThrownBy(() -> update("SET m = 1 REMOVE m.k")).hasMessageContaining("Two document paths overlap");
        assertThatThrownBy(() -> update("SET absent.x = 1")).hasMessageContaining("document path provided");
        assertThatThrownBy(() -> update("SET id2 = id + 1")).hasMessageContaining("incorrect data type");
        assertThat(update("SET q = if_not_exists(q, 7)").item().get("q")).isEqualTo(AttributeValue.N.of(7));
        assertThat(update("SET l = list_append(l, [3])").item().get("l"))
                .isEqualTo(DynamoJson.readValue("{\"L\":[{\"N\":\"1\"},{\"S\":\"two\"},{\"N\":\"3\"}]}"));
    }
}
