package dev.jdbcdynamo.planner.eval;

import static dev.jdbcdynamo.planner.eval.Fixtures.PROBE;
import static dev.jdbcdynamo.planner.eval.Fixtures.params;
import static dev.jdbcdynamo.planner.eval.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UPDATE actions on the probe item, with the results and messages of DynamoDB Local 2.6.1. */
class UpdateApplierTest {

    private static String after(String actions, String attribute) {
        return DynamoJson.canonicalValue(update(PROBE, actions, List.of()).item().get(attribute));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        SET n = n + 1                                 | n  | {"N":"6"}
        SET n = n - 1 - 1                             | n  | {"N":"3"}
        SET n = 1 + 2                                 | n  | {"N":"3"}
        SET x = 2.50 - 0.5                            | x  | {"N":"2"}
        SET x = 1E-130 - 2E-130                       | x  | {"N":"-0.0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001"}
        SET m.w = 'new'                               | m  | {"M":{"w":{"S":"new"},"x":{"N":"1"},"y":{"M":{"z":{"S":"deep"}}}}}
        SET m.y.z = 7                                 | m  | {"M":{"x":{"N":"1"},"y":{"M":{"z":{"N":"7"}}}}}
        SET l[1] = 'one', l[2] = 'two'                | l  | {"L":[{"N":"0"},{"S":"one"},{"S":"two"},{"M":{"k":{"S":"v"}}}]}
        SET l[10] = 'ten', l[20] = 'twenty'           | l  | {"L":[{"N":"0"},{"N":"1"},{"N":"2"},{"M":{"k":{"S":"v"}}},{"S":"ten"},{"S":"twenty"}]}
        SET l[20] = 'A', l[10] = 'B'                  | l  | {"L":[{"N":"0"},{"N":"1"},{"N":"2"},{"M":{"k":{"S":"v"}}},{"S":"B"},{"S":"A"}]}
        SET l[3].k = 'w'                              | l  | {"L":[{"N":"0"},{"N":"1"},{"N":"2"},{"M":{"k":{"S":"w"}}}]}
        REMOVE l[0] REMOVE l[2]                       | l  | {"L":[{"N":"1"},{"M":{"k":{"S":"v"}}}]}
        REMOVE l[0] SET l[1] = 'x'                    | l  | {"L":[{"S":"x"},{"N":"2"},{"M":{"k":{"S":"v"}}}]}
        REMOVE l[0] SET l[9] = 'x'                    | l  | {"L":[{"N":"1"},{"N":"2"},{"M":{"k":{"S":"v"}}},{"S":"x"}]}
        REMOVE l[99]                                  | l  | {"L":[{"N":"0"},{"N":"1"},{"N":"2"},{"M":{"k":{"S":"v"}}}]}
        REMOVE m.y.z                                  | m  | {"M":{"x":{"N":"1"},"y":{"M":{}}}}
        REMOVE m.nope                                 | m  | {"M":{"x":{"N":"1"},"y":{"M":{"z":{"S":"deep"}}}}}
        SET l = list_append(l, [9])                   | l  | {"L":[{"N":"0"},{"N":"1"},{"N":"2"},{"M":{"k":{"S":"v"}}},{"N":"9"}]}
        SET l = list_append([8], l)                   | l  | {"L":[{"N":"8"},{"N":"0"},{"N":"1"},{"N":"2"},{"M":{"k":{"S":"v"}}}]}
        SET x = list_append(if_not_exists(q, []), [1]) | x | {"L":[{"N":"1"}]}
        SET ss = set_add(ss, <<'c'>>)                 | ss | {"SS":["a","b","c"]}
        SET ns = set_add(ns, <<3, 2.0>>)              | ns | {"NS":["1","2","3"]}
        SET nn = set_add(nn, <<'x'>>)                 | nn | {"SS":["x"]}
        SET ss = set_delete(ss, <<'a', 'zz'>>)        | ss | {"SS":["b"]}
        SET ns = set_delete(ns, <<1>>)                | ns | {"NS":["2"]}
        SET x = if_not_exists(x, 7)                   | x  | {"N":"7"}
        SET x = if_not_exists(n, 8) + 1               | x  | {"N":"6"}
        SET x = if_not_exists(nope, n)                | x  | {"N":"5"}
        SET x = if_not_exists(m.y.z, 1)               | x  | {"S":"deep"}
        SET x = if_not_exists(l[9], 1)                | x  | {"N":"1"}
        SET x = if_not_exists(s.q, 1)                 | x  | {"N":"1"}
        SET x = if_not_exists(nul, 1)                 | x  | {"NULL":true}
        SET x = nul                                   | x  | {"NULL":true}
        SET n = 1, x = n                              | x  | {"N":"5"}
        """)
    void updatesGiveDynamoDbsItem(String actions, String attribute, String expected) {
        assertThat(after(actions, attribute)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        SET q.r = 1                    | The document path provided in the update expression is invalid for update
        SET s.r = 1                    | The document path provided in the update expression is invalid for update
        SET l.r = 1                    | The document path provided in the update expression is invalid for update
        SET m[0] = 1                   | The document path provided in the update expression is invalid for update
        SET q[0] = 1                   | The document path provided in the update expression is invalid for update
        SET m.q.r = 1                  | The document path provided in the update expression is invalid for update
        SET l[9].k = 1                 | The document path provided in the update expression is invalid for update
        SET l[0].k = 1                 | The document path provided in the update expression is invalid for update
        REMOVE q.r                     | The document path provided in the update expression is invalid for update
        REMOVE s.r                     | The document path provided in the update expression is invalid for update
        REMOVE q[0]                    | The document path provided in the update expression is invalid for update
        REMOVE m[0]                    | The document path provided in the update expression is invalid for update
        SET m = 1, m.x = 2             | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m, x], path two: [m]
        SET m.x = 2, m = 1             | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], path two: [m, x]
        SET m.x = 1, m.x = 2           | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m, x], path two: [m, x]
        SET m.x = 1 REMOVE m           | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], path two: [m, x]
        REMOVE m SET m.x = 1           | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m, x], path two: [m]
        SET l[0] = 1 REMOVE l[0]       | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [l, [0]], path two: [l, [0]]
        SET l[0] = 1, l.k = 2          | Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [l, k], path two: [l, [0]]
        SET n = n + 'x', n = 1         | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [n], path two: [n]
        SET n = s + 1                  | An operand in the update expression has an incorrect data type
        SET n = n - s                  | An operand in the update expression has an incorrect data type
        SET q.r = 1, s = s + 1         | An operand in the update expression has an incorrect data type
        SET s = s + 1, n = nope        | The provided expression refers to an attribute that does not exist in the item
        SET n = nope, s = s + 1        | The provided expression refers to an attribute that does not exist in the item
        SET n = nope + 1               | The provided expression refers to an attribute that does not exist in the item
        SET n = m.nope                 | The provided expression refers to an attribute that does not exist in the item
        SET x = if_not_exists(n, nope) | The provided expression refers to an attribute that does not exist in the item
        SET x = if_not_exists(nope, s + 1) | An operand in the update expression has an incorrect data type
        SET x = if_not_exists(n, s + 1) | An operand in the update expression has an incorrect data type
        SET n = n + 'x'                | Incorrect operand type for operator or function; operator or function: +, operand type: S
        SET n = n + true               | Incorrect operand type for operator or function; operator or function: +, operand type: BOOL
        SET n = [1] + n                | Incorrect operand type for operator or function; operator or function: +, operand type: L
        SET n = n * 2                  | Unsupported operator in Update Expression. Operator: *
        SET n = -n                     | Incorrect number of operands for operator or function; operator or function: -, number of operands: 1
        SET l = list_append(l, 9)      | Incorrect operand type for operator or function; operator or function: list_append, operand type: N
        SET l = list_append(l, s)      | An operand in the update expression has an incorrect data type
        SET l = list_append(l, nope)   | The provided expression refers to an attribute that does not exist in the item
        SET l = list_append(l)         | Incorrect number of operands for operator or function; operator or function: list_append, number of operands: 1
        SET ss = set_add(ss, <<1>>)    | An operand in the update expression has an incorrect data type
        SET ss = set_add(ss, 'd')      | The second argument to SET_ADD must be a value with type SET at 1:29:2
        SET ss2 = set_add(nope, <<'x'>>) | The first argument to SET_ADD must equal the assignment value
        SET ss2 = set_add(s, <<'x'>>)  | The first argument to SET_ADD must equal the assignment value
        SET ns = set_delete(nope, <<1>>) | The first argument to SET_DELETE must equal the assignment value
        SET ns = set_delete(ns, <<'1'>>) | An operand in the update expression has an incorrect data type
        SET m.x = set_add(m.x, <<'x'>>) | An operand in the update expression has an incorrect data type
        SET b = set_add(b, <<'x'>>)    | An operand in the update expression has an incorrect data type
        SET ss = set_add(ss)           | SET_ADD must have exactly two arguments at 1:21:7
        SET x = if_not_exists(7, 1)    | Operator or function requires a document path; operator or function: if_not_exists
        SET x = size(s)                | The function is not allowed in an update expression; function: size
        SET x = begins_with(s, 'a')    | The function is not allowed in an update expression; function: begins_with
        SET x = lower(s)               | Unrecognized function: lower
        SET x = <<1, 'a'>>             | Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags
        SET x = <<1, 1.0>>             | Input collection contains duplicates
        SET x = 9.99E125 + 1E125       | Number overflow. Attempting to store a number with magnitude larger than supported range
        SET x = 1E-130 - 1.1E-130      | Number underflow. Attempting to store a number with magnitude smaller than supported range
        SET x = 12345678901234567890123456789012345678 + 0.1 | DynamoDB only supports precision up to 38 digits
        SET x = 9.999999999999999999999999999999999999E125 + 0.9999999999999999999999999999999999999E125 | DynamoDB only supports precision up to 38 digits
        """)
    void invalidUpdatesFailWithDynamoDbsMessage(String actions, String message) {
        assertThatThrownBy(() -> update(PROBE, actions, List.of()))
                .isInstanceOf(DynamoException.class).hasMessage(message);
    }

    @Test
    void arithmeticOverflowCaseOfTheConformanceSuite() {
        Map<String, AttributeValue> item = DynamoJson.readItem(
                "{\"id\":{\"S\":\"a\"},\"v\":{\"N\":\"99999999999999999999999999999999999999\"}}");
        Map<String, AttributeValue> plusOne = update(item, "SET v = v + 1", List.of()).item();
        assertThat(plusOne.get("v")).isEqualTo(AttributeValue.N.of("100000000000000000000000000000000000000"));
        assertThatThrownBy(() -> update(plusOne, "SET v = v + 0.5", List.of()))
                .hasMessage("DynamoDB only supports precision up to 38 digits");
    }

    @Test
    void parametersAreCheckedLikeLiterals() {
        assertThatThrownBy(() -> update(PROBE, "SET n = ? + 1", params("{\"S\":\"x\"}")))
                .hasMessage("Incorrect operand type for operator or function; operator or function: +, operand type: S");
        assertThat(update(PROBE, "SET bs = set_add(bs, ?)", params("{\"BS\":[\"Ag==\"]}")).item().get("bs"))
                .isEqualTo(DynamoJson.readValue("{\"BS\":[\"AA==\",\"AQ==\",\"Ag==\"]}"));
    }

    @Test
    void emptyingASetRemovesTheAttribute() {
        UpdateApplier.Result r = update(PROBE, "SET ss = set_delete(ss, <<'a', 'b', 'c'>>)", List.of());
        assertThat(r.item()).doesNotContainKey("ss");
        assertThat(r.modifiedOld()).containsExactly("ss");
        assertThat(r.modifiedNew()).isEmpty();
        assertThat(update(PROBE, "SET nn = set_delete(nn, <<'x'>>)", List.of()).item()).doesNotContainKey("nn");
    }

    /** RETURNING MODIFIED: whole top-level attributes, where the action's path exists in that image. */
    @Test
    void modifiedAttributesAreThoseWhosePathExists() {
        UpdateApplier.Result r = update(PROBE, "SET n = 1, note = 'x' REMOVE coupon", List.of());
        assertThat(r.modifiedNew()).containsExactlyInAnyOrder("n", "note");
        assertThat(r.modifiedOld()).containsExactly("n");
        assertThat(update(PROBE, "SET m.x = 9", List.of()).modifiedNew()).containsExactly("m");
        assertThat(update(PROBE, "REMOVE m.x", List.of()).modifiedNew()).isEmpty();
        assertThat(update(PROBE, "REMOVE m.x", List.of()).modifiedOld()).containsExactly("m");
        assertThat(update(PROBE, "SET l[50] = 'far'", List.of()).modifiedNew()).as("l[50] became l[4]").isEmpty();
        assertThat(update(PROBE, "SET l[4] = 'next'", List.of()).modifiedOld()).isEmpty();
        assertThat(update(PROBE, "SET s = 'str'", List.of()).modifiedNew()).as("unchanged values count")
                .containsExactly("s");
        assertThat(update(PROBE, "SET zz = 1 REMOVE nope", List.of()).modifiedOld()).isEmpty();
        assertThat(PROBE.get("n")).as("the old item is untouched").isEqualTo(AttributeValue.N.of(5));
    }
}
