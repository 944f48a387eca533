package dev.jdbcdynamo.planner.eval;

import static dev.jdbcdynamo.planner.eval.Fixtures.params;
import static dev.jdbcdynamo.planner.eval.Fixtures.usersWhere;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conditions over the Users fixture, with the users DynamoDB Local 2.6.1 returned for each. */
class ConditionEvaluatorTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        active = true AND age > 40 OR name = 'Bob'   | u2 u3
        active = true AND (age > 40 OR name = 'Bob') | u3
        age = '35'                                   | u4
        age = 35                                     | ''
        age = 34.0                                   | u1
        age = 3.4E1                                  | u1
        34 = age                                     | u1
        age <> 34                                    | u2 u3 u4 u5
        age <> '35'                                  | u1 u2 u3 u5
        NOT age = 34                                 | u2 u3 u4 u5
        age < 'z'                                    | u4
        age >= 0                                     | u1 u2 u3
        NOT (age >= 0)                               | u4 u5
        age < profile                                | ''
        last_login < 'z'                             | u3
        NOT last_login < 'z'                         | u1 u2 u4 u5
        nickname = NULL                              | u1
        nickname <> NULL                             | u2 u3 u4 u5
        nickname IS NULL                             | u1
        nickname IS NOT NULL                         | u2 u3 u4 u5
        nickname IS MISSING                          | u2 u4 u5
        nickname IS NOT MISSING                      | u1 u3
        NOT nickname IS MISSING                      | u1 u3
        age BETWEEN 30 AND 40                        | u1
        NOT age BETWEEN 30 AND 40                    | u2 u3 u4 u5
        age BETWEEN 1 AND name                       | ''
        age BETWEEN 'a' AND 'b'                      | ''
        age IN [34, '35', 41]                        | u1 u3 u4
        age IN (34, '35')                            | u1 u4
        NOT age IN [34]                              | u2 u3 u4 u5
        name IN ['Alice', 'Eve', 'Zed']              | u1 u5
        roles = <<'dev','admin'>>                    | u1
        scores = <<3, 20.50, 10>>                    | u1
        tags = ['a', 1.0, true]                      | u1
        tags[1] = 1                                  | u1
        profile.langs = ['fr', 'en']                 | ''
        profile.address = {'city': 'Portland'}       | u2
        profile.address.city = 'Seattle'             | u1
        profile.langs[0] = 'en'                      | u1
        1 = 1                                        | u1 u2 u3 u4 u5
        size(name) = 5                               | u1 u3
        size(age) > 0                                | u4
        NOT size(age) > 0                            | u1 u2 u3 u5
        size(roles) = 2                              | u1
        size(profile) = 2                            | u1
        size(tags) = 0                               | u5
        size(active) >= 0                            | ''
        size(nickname) >= 0                          | u3
        size(avatar) = 4                             | u1
        size('abc') = 3                              | u1 u2 u3 u4 u5
        size([1,2]) = 2                              | u1 u2 u3 u4 u5
        size(name) = size('Alice')                   | u1 u3
        size(name) = '5'                             | ''
        begins_with(name, 'A')                       | u1
        begins_with(email, 'b')                      | u2
        begins_with(age, '3')                        | u4
        NOT begins_with(name, 'A')                   | u2 u3 u4 u5
        contains(name, 'li')                         | u1
        contains(roles, 'dev')                       | u1 u2
        NOT contains(roles, 'dev')                   | u3 u4 u5
        contains(scores, 20.5)                       | u1
        contains(scores, '7')                        | ''
        contains(tags, 1)                            | u1
        contains(tags, true)                         | u1
        contains(tags, [1])                          | ''
        contains(roles, <<'dev'>>)                   | ''
        contains(profile, 'address')                 | ''
        contains(profile.langs, 'fr')                | u1
        contains('abc', 'b')                         | u1 u2 u3 u4 u5
        contains(1, 1)                               | ''
        contains(name, {'a':1})                      | ''
        attribute_exists(nickname)                   | u1 u3
        attribute_not_exists(nickname)               | u2 u4 u5
        attribute_exists(profile.address.zip)        | u1
        attribute_type(age, 'N')                     | u1 u2 u3
        NOT attribute_type(age, 'N')                 | u4 u5
        attribute_type(roles, 'SS')                  | u1 u2 u3
        attribute_type(scores, 'NS')                 | u1 u4
        attribute_type(avatar, 'B')                  | u1
        attribute_type(active, 'BOOL')               | u1 u2 u3
        attribute_type(active, 'NULL')               | u4
        attribute_type(profile, 'M')                 | u1 u2 u5
        attribute_type(tags, 'L')                    | u1 u5
        (age = 34) = true                            | u1
        """)
    void conditionsSelectWhatDynamoDbSelects(String condition, String expected) {
        List<String> ids = expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" "));
        assertThat(usersWhere(condition, List.of())).containsExactlyElementsOf(ids);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        age < true             | Incorrect operand type for operator or function; operator or function: <, operand type: BOOL
        age < [1]              | Incorrect operand type for operator or function; operator or function: <, operand type: L
        profile < {'a':1}      | Incorrect operand type for operator or function; operator or function: <, operand type: M
        age < NULL             | Incorrect operand type for operator or function; operator or function: <, operand type: NULL
        size(name) < true      | Incorrect operand type for operator or function; operator or function: <, operand type: BOOL
        age BETWEEN true AND true | Incorrect operand type for operator or function; operator or function: BETWEEN, operand type: BOOL
        age BETWEEN 40 AND 30  | The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:40}, upper bound operand: AttributeValue: {N:30}
        age BETWEEN 'a' AND 40 | The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {S:a}, upper bound operand: AttributeValue: {N:40}
        age = age              | The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [age]
        age < age              | The first operand must be distinct from the remaining operands for this operator or function; operator: <, first operand: [age]
        profile.address.city = profile.address.city | The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [profile, address, city]
        tags[0] = tags[0]      | The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [tags, [0]]
        age BETWEEN age AND 50 | The first operand must be distinct from the remaining operands for this operator or function; operator: BETWEEN, first operand: [age]
        age IN [age, 1]        | The first operand must be distinct from the remaining operands for this operator or function; operator: IN, first operand: [age]
        begins_with(name, name) | The first operand must be distinct from the remaining operands for this operator or function; operator: begins_with, first operand: [name]
        contains(tags, tags)   | The first operand must be distinct from the remaining operands for this operator or function; operator: contains, first operand: [tags]
        begins_with(name, 1)   | Incorrect operand type for operator or function; operator or function: begins_with, operand type: N
        begins_with(1, 'a')    | Incorrect operand type for operator or function; operator or function: begins_with, operand type: N
        begins_with(name, NULL) | Incorrect operand type for operator or function; operator or function: begins_with, operand type: NULL
        size(1) = 1            | Incorrect operand type for operator or function; operator or function: size, operand type: N
        size(true) = 1         | Incorrect operand type for operator or function; operator or function: size, operand type: BOOL
        attribute_exists('x')  | Operator or function requires a document path; operator or function: attribute_exists
        'a' IS NOT MISSING     | Operator or function requires a document path; operator or function: attribute_not_exists
        attribute_type(age, 'X') | Invalid attribute type name found; type: X, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}
        attribute_type(age, 'n') | Invalid attribute type name found; type: n, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}
        attribute_type(age, 1) | Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N
        attribute_exists(name, age) | Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2
        begins_with(name)      | Incorrect number of operands for operator or function; operator or function: begins_with, number of operands: 1
        size(name, age) = 1    | Incorrect number of operands for operator or function; operator or function: size, number of operands: 2
        if_not_exists(age, 1)  | The function is not allowed in a condition expression; function: if_not_exists
        lower(name) = 'bob'    | Unrecognized function: lower
        list_append(tags, [1]) = [1] | The function is not allowed in a condition expression; function: list_append
        if_not_exists(age, 1) = 1 | The function is not allowed in a condition expression; function: if_not_exists
        age + 1 = 35           | Unsupported operator in Condition Expression. Operator: +
        age = 33 + 1           | Unsupported operator in Condition Expression. Operator: +
        """)
    void invalidConditionsFailWithDynamoDbsMessage(String condition, String message) {
        assertThatThrownBy(() -> usersWhere(condition, List.of()))
                .isInstanceOf(DynamoException.class).hasMessage(message);
    }

    @Test
    void parametersAreConstantsToo() {
        assertThat(usersWhere("avatar = ?", params("{\"B\":\"AAEC/w==\"}"))).containsExactly("u1");
        assertThat(usersWhere("avatar > ?", params("{\"B\":\"AAEC\"}"))).containsExactly("u1");
        assertThat(usersWhere("avatar < ?", params("{\"B\":\"gA==\"}"))).as("binaries compare unsigned")
                .containsExactly("u1");
        assertThat(usersWhere("begins_with(avatar, ?)", params("{\"B\":\"AAE=\"}"))).containsExactly("u1");
        assertThat(usersWhere("contains(avatar, ?)", params("{\"B\":\"AQI=\"}"))).containsExactly("u1");
        assertThatThrownBy(() -> usersWhere("age < ?", params("{\"SS\":[\"a\"]}")))
                .hasMessage("Incorrect operand type for operator or function; operator or function: <, operand type: SS");
        assertThatThrownBy(() -> usersWhere("attribute_type(age, ?)", params("{\"S\":\"Q\"}")))
                .hasMessage("Invalid attribute type name found; type: Q, valid types: {N,BS,L,B,NULL,M,S,SS,NS,BOOL}");
        assertThatThrownBy(() -> usersWhere("age BETWEEN ? AND ?", params("{\"B\":\"AQ==\"}", "{\"B\":\"AA==\"}")))
                .hasMessageContaining("lower bound operand: AttributeValue: {B:java.nio.HeapByteBuffer[pos=0 lim=1 cap=1]}");
    }

    /** Strings order by UTF-8 bytes: a supplementary character is above U+FFFF, unlike Java's order. */
    @Test
    void stringsCompareByUtf8NotUtf16() {
        List<Map<String, AttributeValue>> items = List.of(
                DynamoJson.readItem("{\"id\":{\"S\":\"e\"},\"s\":{\"S\":\"\u00e9\"}}"),
                DynamoJson.readItem("{\"id\":{\"S\":\"smile\"},\"s\":{\"S\":\"\uD83D\uDE00\"}}"),
                DynamoJson.readItem("{\"id\":{\"S\":\"ffff\"},\"s\":{\"S\":\"\uFFFF\"}}"),
                DynamoJson.readItem("{\"id\":{\"S\":\"e000\"},\"s\":{\"S\":\"\uE000\"}}"),
                DynamoJson.readItem("{\"id\":{\"S\":\"z\"},\"s\":{\"S\":\"z\"}}"));
        assertThat(ids(items, "s > ?", "\uFFFF")).containsExactly("smile");
        assertThat(ids(items, "s < ?", "\uD83D\uDE00")).containsExactly("e", "ffff", "e000", "z");
        assertThat(ids(items, "s BETWEEN ? AND ?", "\uE000", "\uD83D\uDE00")).containsExactly("smile", "ffff", "e000");
        assertThat(ids(items, "size(s) = 1")).as("size counts UTF-16 code units, as DynamoDB Local")
                .containsExactly("e", "ffff", "e000", "z");
        assertThat(ids(items, "size(s) = 2")).containsExactly("smile");
        assertThat(ValueOrder.compare(new AttributeValue.S("\uFFFF"), new AttributeValue.S("\uD83D\uDE00"))).isNegative();
        assertThatThrownBy(() -> ids(items, "s BETWEEN ? AND ?", "\uD83D\uDE00", "\uFFFF"))
                .hasMessageContaining("requires upper bound to be greater than or equal to lower bound");
    }

    @Test
    void keyOrderSortsLikeDynamoDb() {
        List<AttributeValue> numbers = new java.util.ArrayList<>(List.of(AttributeValue.N.of("10"), AttributeValue.N.of("-2.5"),
                AttributeValue.N.of("1E2"), AttributeValue.N.of("-1E-130"), AttributeValue.N.of("0")));
        numbers.sort(ValueOrder.KEY_ORDER);
        assertThat(numbers).containsExactly(AttributeValue.N.of("-2.5"), AttributeValue.N.of("-1E-130"),
                AttributeValue.N.of("0"), AttributeValue.N.of("10"), AttributeValue.N.of("100"));
        List<AttributeValue> binaries = new java.util.ArrayList<>(List.of(DynamoJson.readValue("{\"B\":\"/w==\"}"),
                DynamoJson.readValue("{\"B\":\"gA==\"}"), DynamoJson.readValue("{\"B\":\"AAA=\"}"),
                DynamoJson.readValue("{\"B\":\"AA==\"}"), DynamoJson.readValue("{\"B\":\"fw==\"}")));
        binaries.sort(ValueOrder.KEY_ORDER);
        assertThat(binaries).extracting(DynamoJson::canonicalValue).containsExactly("{\"B\":\"AA==\"}",
                "{\"B\":\"AAA=\"}", "{\"B\":\"fw==\"}", "{\"B\":\"gA==\"}", "{\"B\":\"/w==\"}");
        List<AttributeValue> strings = new java.util.ArrayList<>();
        for (String s : List.of("a", "B", "Z", "aa", "a b", "\u00e1", "\u20ac", "\uD83D\uDE00", "10", "9", "\uFF5A", "~")) {
            strings.add(new AttributeValue.S(s));
        }
        strings.sort(ValueOrder.KEY_ORDER);
        assertThat(strings).extracting(v -> ((AttributeValue.S) v).value()).as("the string_sort_order_desc case, reversed")
                .containsExactly("10", "9", "B", "Z", "a", "a b", "aa", "~", "\u00e1", "\u20ac", "\uFF5A", "\uD83D\uDE00");
        assertThatThrownBy(() -> ValueOrder.KEY_ORDER.compare(AttributeValue.N.of(1), new AttributeValue.S("1")))
                .isInstanceOf(DynamoException.class);
    }

    private static List<String> ids(List<Map<String, AttributeValue>> items, String condition, String... strings) {
        var select = (dev.jdbcdynamo.planner.ast.Statement.Select) Fixtures.parse("SELECT id FROM T WHERE " + condition);
        List<AttributeValue> params = Arrays.stream(strings).map(s -> (AttributeValue) new AttributeValue.S(s)).toList();
        return items.stream().filter(i -> ConditionEvaluator.test(select.where(), i, params))
                .map(i -> ((AttributeValue.S) i.get("id")).value()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        active                  | WHERE clause must contain an expression that resolves to a boolean
        size(name)              | WHERE clause must contain an expression that resolves to a boolean
        NOT age                 | The argument to NOT must be a Type or Expression
        age = 34 AND name       | The arguments to AND/OR must be Expressions
        age = true OR false     | The arguments to AND/OR must be Expressions
        """)
    void conditionsMustBePredicates(String condition, String message) {
        var select = (dev.jdbcdynamo.planner.ast.Statement.Select) Fixtures.parse("SELECT a FROM T WHERE " + condition);
        assertThatThrownBy(() -> ConditionEvaluator.validate(select.where())).hasMessage(message);
    }
}
