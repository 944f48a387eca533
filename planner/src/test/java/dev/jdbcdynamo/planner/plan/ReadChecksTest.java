package dev.jdbcdynamo.planner.plan;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.catalog.Catalog;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.KeyType;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.parse.Parser;
import dev.jdbcdynamo.planner.plan.Binder;
import dev.jdbcdynamo.planner.plan.Language;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DynamoDB's checks of a read's values before any item is read (recorded from DynamoDB Local). */
class ReadChecksTest {
    private static final TableDef ORDERS = new TableDef(7, "Orders", new KeyAttribute("customer_id", KeyType.S),
            new KeyAttribute("order_date", KeyType.S), List.of(), List.of(), 1);
    private static final TableDef EVENTS = new TableDef(8, "Events", new KeyAttribute("source", KeyType.S),
            new KeyAttribute("seq", KeyType.N), List.of(), List.of(), 1);
    private static final Catalog CATALOG = new Catalog() {
        @Override
        public Optional<TableDef> table(String name) {
            return tables().stream().filter(t -> t.name().equals(name)).findFirst();
        }

        @Override
        public Collection<TableDef> tables() {
            return List.of(ORDERS, EVENTS);
        }
    };

    private static void check(String sql, AttributeValue... params) {
        Plan.Select plan = (Plan.Select) new Binder(CATALOG, Language.PARTIQL).bind(Parser.parse(sql).statement());
        ReadChecks.check(plan, List.of(params));
    }

    private static AttributeValue n(int value) {
        return new AttributeValue.N(BigDecimal.valueOf(value));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        SELECT * FROM Orders WHERE customer_id = 5                                      | Key customer_id
        SELECT * FROM Orders WHERE 5 = customer_id                                      | Key customer_id
        SELECT * FROM Orders WHERE customer_id = 'a' AND order_date < 5                 | Key order_date
        SELECT * FROM Orders WHERE customer_id = 'a' AND 5 >= order_date                | Key order_date
        SELECT * FROM Orders WHERE customer_id = 'a' AND order_date BETWEEN 1 AND 2     | Key order_date
        SELECT * FROM Orders WHERE customer_id = 'a' AND begins_with(order_date, 5)     | operator or function: begins_with, operand type: N
        SELECT * FROM Orders WHERE customer_id = 'a' AND order_date <> 5                | Condition parameter type does not match schema type
        SELECT * FROM Orders WHERE customer_id IN [5, 6]                                | Condition parameter type does not match schema type
        SELECT * FROM Orders WHERE order_date = 5                                       | Condition parameter type does not match schema type
        SELECT * FROM Orders WHERE customer_id = 'a' AND order_date BETWEEN 'b' AND 'a' | requires upper bound to be greater than or equal to lower bound
        SELECT * FROM Orders WHERE total BETWEEN 10 AND 1                               | requires upper bound to be greater than or equal to lower bound
        SELECT * FROM Orders WHERE customer_id = 'a' AND order_date BETWEEN 'a' AND 5   | requires same data type for lower and upper bounds
        SELECT * FROM Orders WHERE customer_id = ['a']                                  | Key customer_id
        SELECT * FROM Orders WHERE <<'a'>> = customer_id                                | Key customer_id
        SELECT * FROM Orders WHERE customer_id = {'a': 'b'}                             | Key customer_id
        SELECT * FROM Orders WHERE customer_id = 'a' AND order_date >= [1]              | Key order_date
        SELECT * FROM Orders WHERE order_date = ['a']                                   | Condition parameter type does not match schema type
        SELECT * FROM Orders WHERE customer_id = 'a' AND order_date <> <<'a'>>          | Condition parameter type does not match schema type
        SELECT * FROM Orders WHERE customer_id IN [['a']]                               | Condition parameter type does not match schema type
        SELECT * FROM Orders WHERE customer_id IS NULL                                  | Key customer_id
        SELECT * FROM Orders WHERE customer_id IS NOT NULL                              | Condition parameter type does not match schema type
        SELECT * FROM Orders WHERE customer_id = 'a' AND order_date IS NULL             | Key order_date
        SELECT * FROM Orders WHERE customer_id = 'a' AND order_date IS NOT NULL         | Condition parameter type does not match schema type
        SELECT * FROM Orders WHERE order_date IS NULL                                   | Condition parameter type does not match schema type
        SELECT * FROM Events WHERE source = 'a' AND attribute_type(seq, 'N')            | Condition parameter type does not match schema type
        SELECT * FROM Events WHERE source = 'a' AND attribute_type(seq, 'S')            | Condition parameter type does not match schema type
        """)
    void refusesWhatDynamoDbRefuses(String sql, String message) {
        assertThatThrownBy(() -> check(sql)).isInstanceOf(DynamoException.class).hasMessageContaining(message);
    }

    @Test
    void parametersAreCheckedLikeLiterals() {
        assertThatThrownBy(() -> check("SELECT * FROM Orders WHERE customer_id = ?", n(5)))
                .hasMessageContaining("Key customer_id");
        assertThatThrownBy(() -> check("SELECT * FROM Orders WHERE customer_id = 'a' AND order_date BETWEEN ? AND ?",
                new AttributeValue.S("b"), new AttributeValue.S("a"))).hasMessageContaining("upper bound");
        assertThatCode(() -> check("SELECT * FROM Orders WHERE customer_id = ?", new AttributeValue.S("a")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check("SELECT * FROM Events WHERE source = ? AND attribute_type(seq, ?)",
                new AttributeValue.S("a"), new AttributeValue.S("N")))
                .hasMessageContaining("Condition parameter type does not match schema type");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        SELECT * FROM Orders WHERE customer_id = 5 OR customer_id = 'a'
        SELECT * FROM Orders WHERE customer_id = 'a' AND total = 'x'
        SELECT * FROM Orders WHERE NOT order_date = 5
        SELECT * FROM Orders WHERE customer_id = 'a' AND order_date BETWEEN 'a' AND 'a'
        SELECT * FROM Orders WHERE customer_id = ['a'] OR customer_id = 'a'
        SELECT * FROM Orders WHERE customer_id IS NULL OR customer_id = 'a'
        SELECT * FROM Orders WHERE total IS NULL
        SELECT * FROM Orders WHERE attribute_type(customer_id, 'N')
        SELECT * FROM Events WHERE attribute_type(source, 'S') AND attribute_type(total, 'N')
        """)
    void aComparisonOfTwoTypesElsewhereIsJustFalse(String sql) {
        assertThatCode(() -> check(sql)).doesNotThrowAnyException();
    }

    @Test
    void inTakesAtMostOneHundredOperands() {
        String hundred = IntStream.range(0, 100).mapToObj(i -> "'c" + i + "'").collect(Collectors.joining(", "));
        assertThatCode(() -> check("SELECT * FROM Orders WHERE customer_id IN [" + hundred + "]"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check("SELECT * FROM Orders WHERE total IN [" + hundred + ", 'x']"))
                .hasMessage("The IN operator is provided with too many operands; number of operands: 101");
        assertThatThrownBy(() -> new Binder(CATALOG, Language.PARTIQL).bind(Parser.parse(
                "DELETE FROM Orders WHERE customer_id = 'a' AND order_date = 'b' AND total IN [" + hundred + ", 'x']")
                .statement())).hasMessageContaining("number of operands: 101");
    }
}
