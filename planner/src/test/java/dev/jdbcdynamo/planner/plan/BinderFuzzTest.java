package dev.jdbcdynamo.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.planner.catalog.Catalog;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.KeyType;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.parse.Parser;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Parser and binder fed mutated statements: the only failure they may show is a
 * {@link DynamoException} with a SQLState, never a NullPointerException or another bug.
 */
class BinderFuzzTest {
    private static final List<String> SEEDS = List.of(
            "SELECT * FROM Orders WHERE customer_id = 'c1' AND order_date BETWEEN 'a' AND 'b' ORDER BY order_date DESC",
            "SELECT a.b[0].c, total FROM Orders WHERE customer_id IN ('a', 'b') AND begins_with(order_date, ?)",
            "UPDATE Orders SET total = total + 1, tags = set_add(tags, <<'x'>>) REMOVE note WHERE customer_id = ? AND order_date = ? RETURNING ALL NEW *",
            "DELETE FROM Orders WHERE customer_id = 'c' AND order_date = 'd' AND attribute_exists(total)",
            "INSERT INTO Orders VALUE {'customer_id': 'c', 'order_date': 'd', 'm': {'x': [1, 2, <<'a'>>]}}",
            "SELECT * FROM Users WHERE id = 5 OR NOT (size(name) > 3 AND name IS NOT MISSING)",
            "CREATE TABLE \"X\" (a STRING PARTITION KEY, b NUMBER SORT KEY, c NUMBER, LOCAL INDEX \"L\" (c) PROJECTION ALL)",
            "EXPLAIN SELECT * FROM Orders WHERE customer_id = ?");
    private static final TableDef ORDERS = new TableDef(1, "Orders", new KeyAttribute("customer_id", KeyType.S),
            new KeyAttribute("order_date", KeyType.S), List.of(), List.of(), 1);
    private static final TableDef USERS = new TableDef(2, "Users", new KeyAttribute("id", KeyType.N), null, List.of(),
            List.of(), 1);
    private static final Catalog CATALOG = new Catalog() {
        private final Map<String, TableDef> tables = Map.of("Orders", ORDERS, "Users", USERS);

        @Override
        public Optional<TableDef> table(String name) {
            return Optional.ofNullable(tables.get(name));
        }

        @Override
        public Collection<TableDef> tables() {
            return tables.values();
        }
    };
    private static final String ALPHABET = "'\"()[]{}<>,.=?*+-;: aAzZ09_\\\n";

    @Property(tries = 3000)
    void mutatedStatementsFailOnlyWithDynamoExceptions(@ForAll("mutated") String sql, @ForAll boolean partiql) {
        try {
            var parsed = Parser.parse(sql);
            new Binder(CATALOG, partiql ? Language.PARTIQL : Language.SQL).bind(parsed.statement());
        } catch (DynamoException e) {
            assertThat(e.code().sqlState()).hasSize(5);
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Provide
    Arbitrary<String> mutated() {
        return Arbitraries.of(SEEDS).flatMap(seed -> Arbitraries.integers().between(1, 4).flatMap(n ->
                Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofSize(n * 3).map(r -> mutate(seed, r))));
    }

    private static String mutate(String seed, List<Integer> random) {
        StringBuilder sb = new StringBuilder(seed);
        for (int i = 0; i + 2 < random.size(); i += 3) {
            int at = sb.length() == 0 ? 0 : random.get(i) % sb.length();
            char c = ALPHABET.charAt(random.get(i + 2) % ALPHABET.length());
            switch (random.get(i + 1) % 3) {
                case 0 -> sb.insert(at, c);
                case 1 -> {
                    if (sb.length() > 0) {
                        sb.deleteCharAt(at);
                    }
                }
                default -> {
                    if (sb.length() > 0) {
                        sb.setCharAt(at, c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
