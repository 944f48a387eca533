package dev.jdbcdynamo.planner.eval;

import static dev.jdbcdynamo.planner.eval.Fixtures.PROBE;
import static dev.jdbcdynamo.planner.eval.Fixtures.USERS;
import static dev.jdbcdynamo.planner.eval.Fixtures.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Projections named and shaped as DynamoDB Local 2.6.1 names and shapes them. */
class ProjectorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        n, s                       | {"n":{"N":"5"},"s":{"S":"str"}}
        nope, n                    | {"n":{"N":"5"}}
        nope                       | {}
        m.x                        | {"x":{"N":"1"}}
        m.y.z                      | {"z":{"S":"deep"}}
        m.y                        | {"y":{"M":{"z":{"S":"deep"}}}}
        m.x, m.y.z                 | {"x":{"N":"1"},"z":{"S":"deep"}}
        m.nope                     | {}
        s.nope                     | {}
        l[0]                       | {"l[0]":{"N":"0"}}
        l[1]                       | {"l[1]":{"N":"1"}}
        l[3]                       | {"l[3]":{"M":{"k":{"S":"v"}}}}
        l[3].k                     | {"l[3]":{"M":{"k":{"S":"v"}}}}
        l[5]                       | {}
        l[0], l[1]                 | {"l[0]":{"N":"0"},"l[1]":{"N":"1"}}
        l[1], l[2]                 | {"l[1]":{"N":"1"},"l[2]":{"N":"2"}}
        l[3], l[2]                 | {"l[2]":{"N":"2"},"l[3]":{"M":{"k":{"S":"v"}}}}
        l[2], l[3].k               | {"l[2]":{"N":"2"},"l[3]":{"M":{"k":{"S":"v"}}}}
        l[3].k, n                  | {"l[3]":{"M":{"k":{"S":"v"}}},"n":{"N":"5"}}
        ll[0][0]                   | {"ll[0][0]":{"N":"1"}}
        ll[0][1]                   | {"ll[0][1]":{"N":"2"}}
        ll[1][0]                   | {"ll[1]":{"L":[{"N":"3"}]}}
        ll[1][1]                   | {"ll[1]":{"L":[{"N":"4"}]}}
        ll[1][0], ll[1][1]         | {"ll[1]":{"L":[{"N":"3"},{"N":"4"}]}}
        ll[0][1], ll[1][0]         | {"ll[0][1]":{"N":"2"},"ll[1][0]":{"N":"3"}}
        ll[1][1], ll[0][1]         | {"ll[0][1]":{"N":"2"},"ll[1][1]":{"N":"4"}}
        lm[0].k                    | {"k":{"S":"v0"}}
        lm[1].k                    | {"lm[1]":{"M":{"k":{"S":"v1"}}}}
        lm[1].k, lm[0]             | {"k":{"S":"v1"},"lm[0]":{"M":{"k":{"S":"v0"}}}}
        lm[2].k, lm[0], lm[1]      | {"k":{"S":"v2"},"lm[0]":{"M":{"k":{"S":"v0"}}},"lm[1]":{"M":{"k":{"S":"v1"}}}}
        lm[2].k, lm[1]             | {"lm[1]":{"M":{"k":{"S":"v1"}}},"lm[2]":{"M":{"k":{"S":"v2"}}}}
        lm[2].k, lm[5]             | {"lm[2]":{"M":{"k":{"S":"v2"}}}}
        lm[2].k, lm[0], lm[9]      | {"lm[0]":{"M":{"k":{"S":"v0"}}},"lm[2]":{"M":{"k":{"S":"v2"}}}}
        mm.a[0].b[1]               | {"b[1]":{"N":"20"}}
        mm.a[0].b[0]               | {"b[0]":{"N":"10"}}
        mm.a[0].b                  | {"b":{"L":[{"N":"10"},{"N":"20"}]}}
        mm.a[0]                    | {"a[0]":{"M":{"b":{"L":[{"N":"10"},{"N":"20"}]}}}}
        mm.a[5]                    | {}
        mm.a, lm[1].k              | {"a":{"L":[{"M":{"b":{"L":[{"N":"10"},{"N":"20"}]}}}]},"lm[1]":{"M":{"k":{"S":"v1"}}}}
        "m"."x"                    | {"x":{"N":"1"}}
        """)
    void projectionsAreNamedAsDynamoDbNamesThem(String projection, String expected) {
        assertThat(select(PROBE, projection)).isEqualTo(expected);
    }

    @Test
    void deepNestingCaseOfTheConformanceSuite() {
        Map<String, AttributeValue> item = DynamoJson.readItem("""
                {"id":{"S":"t1"},"a":{"M":{"b":{"M":{"c":{"M":{"d":{"L":[{"L":[{"N":"1"},
                  {"L":[{"N":"2"},{"M":{"e":{"S":"deep"}}}]}]}]}}}}}}}}""");
        assertThat(select(item, "a.b.c.d[0][1][1].e")).isEqualTo("{\"d[0][1]\":{\"L\":[{\"M\":{\"e\":{\"S\":\"deep\"}}}]}}");
    }

    @Test
    void recordedProjectionsOfTheUsers() {
        assertThat(select(USERS.get(0), "name, age")).isEqualTo("{\"age\":{\"N\":\"34\"},\"name\":{\"S\":\"Alice\"}}");
        assertThat(select(USERS.get(0), "tags[5], name")).isEqualTo("{\"name\":{\"S\":\"Alice\"}}");
        assertThat(select(USERS.get(1), "nickname, nonexistent")).isEqualTo("{}");
        assertThat(select(USERS.get(4), "profile, tags")).isEqualTo("{\"profile\":{\"M\":{}},\"tags\":{\"L\":[]}}");
    }

    @Test
    void starKeepsTheItem() {
        assertThat(Projector.project(List.of(), PROBE)).isSameAs(PROBE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        n, n               | Duplicate identifiers in select clause: n
        lm[0].k, lm[1].k   | Duplicate identifiers in select clause: k
        lm[1].k, m.k       | Duplicate identifiers in select clause: k
        m.x, x             | Duplicate identifiers in select clause: x
        lm[0], lm[0]       | Duplicate identifiers in select clause: lm[0]
        m.x, m             | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [m], path two: [m, x]
        lm[0], lm          | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [lm], path two: [lm, [0]]
        lm[0], lm.x        | Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [lm, x], path two: [lm, [0]]
        """)
    void invalidProjectionsFailWithDynamoDbsMessage(String projection, String message) {
        assertThatThrownBy(() -> select(PROBE, projection)).isInstanceOf(DynamoException.class).hasMessage(message);
    }

    @Test
    void identifiersForDuplicateChecks() {
        assertThat(Projector.nameOf(new Path("lm", List.of(new Path.Index(1), new Path.Field("k"))))).isEqualTo("k");
        assertThat(Projector.nameOf(new Path("mm", List.of(new Path.Field("a"), new Path.Index(0),
                new Path.Field("b"), new Path.Index(1))))).isEqualTo("b[1]");
        assertThat(Projector.nameOf(new Path("ll", List.of(new Path.Index(1), new Path.Index(0))))).isEqualTo("ll[1][0]");
    }
}
