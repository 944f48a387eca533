package dev.jdbcdynamo.planner.plan;

import dev.jdbcdynamo.planner.path.SortRange;
import dev.jdbcdynamo.planner.path.AccessPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden plans: statement text in, chosen access path, key condition, residual filter and
 * physical SQL out, through the parser, the binder and Calcite's key rules.
 */
class AccessPathPlanTest {
    private static final TableDef ORDERS = new TableDef(7, "Orders", new KeyAttribute("customer_id", KeyType.S),
            new KeyAttribute("order_date", KeyType.S), List.of(), List.of(), 1);
    private static final TableDef USERS = new TableDef(8, "Users", new KeyAttribute("id", KeyType.N),
            null, List.of(), List.of(), 1);
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

    private static Plan plan(String sql) {
        return new Binder(CATALOG, Language.PARTIQL).bind(Parser.parse(sql).statement());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        SELECT * FROM Orders WHERE customer_id = 'c1' AND order_date = 'd1'             | GetItem  | false | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? AND sk = ?
        SELECT * FROM Orders WHERE 'd1' = order_date AND ? = customer_id                | GetItem  | false | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? AND sk = ?
        SELECT * FROM Users WHERE id = 5                                                | GetItem  | false | SELECT item FROM dt_8 WHERE kid = ? AND pk = ? AND sk = ?
        SELECT * FROM Orders WHERE customer_id = ?                                      | Query    | false | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? ORDER BY sk
        SELECT * FROM Orders WHERE customer_id = ? AND order_date > ?                   | Query    | false | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? AND sk > ? ORDER BY sk
        SELECT * FROM Orders WHERE ? = customer_id AND ? < order_date                   | Query    | false | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? AND sk > ? ORDER BY sk
        SELECT * FROM Orders WHERE ? = customer_id AND ? <= order_date                  | Query    | false | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? AND sk >= ? ORDER BY sk
        SELECT * FROM Orders WHERE 'c' = customer_id AND 'd' > order_date               | Query    | false | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? AND sk < ? ORDER BY sk
        SELECT * FROM Orders WHERE 'c' = customer_id AND 'd' >= order_date              | Query    | false | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? AND sk <= ? ORDER BY sk
        SELECT * FROM Orders WHERE customer_id = ? AND order_date BETWEEN ? AND ?       | Query    | false | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? AND sk >= ? AND sk <= ? ORDER BY sk
        SELECT * FROM Orders WHERE customer_id = ? AND begins_with(order_date, '2024')  | Query    | false | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? AND sk >= ? AND sk < ? ORDER BY sk
        SELECT * FROM Orders WHERE customer_id = ? ORDER BY order_date DESC             | Query    | false | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? ORDER BY sk DESC
        SELECT * FROM Orders WHERE customer_id = ? AND total > 5                        | Query    | true  | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? ORDER BY sk
        SELECT * FROM Orders WHERE customer_id = ? AND order_date > ? AND order_date > ? | Query   | true  | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? AND sk > ? ORDER BY sk
        SELECT * FROM Orders WHERE customer_id IN ('a', 'b', 'c')                       | MultiGet | false | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? ORDER BY sk
        SELECT * FROM Orders WHERE customer_id = 'a' OR customer_id = 'b'               | MultiGet | false | SELECT item FROM dt_7 WHERE kid = ? AND pk = ? ORDER BY sk
        SELECT * FROM Orders WHERE total > 5                                            | Scan     | true  | SELECT item FROM dt_7
        SELECT * FROM Orders WHERE customer_id = 'a' OR total > 5                       | Scan     | true  | SELECT item FROM dt_7
        SELECT * FROM Orders                                                            | Scan     | false | SELECT item FROM dt_7
        """)
    void choosesTheAccessPath(String sql, String kind, boolean hasFilter, String physical) {
        Plan.Select select = (Plan.Select) plan(sql);
        assertThat(select.path().kind()).isEqualTo(kind);
        assertThat(select.filter() != null).as("residual filter").isEqualTo(hasFilter);
        assertThat(physicalSql(select)).isEqualTo(physical);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        UPDATE Orders SET total = 1 WHERE customer_id = 'a'                       | Where clause does not contain a mandatory equality on all key attributes
        DELETE FROM Orders WHERE customer_id = 'a' AND order_date > 'x'           | Where clause does not contain a mandatory equality on all key attributes
        DELETE FROM Orders WHERE customer_id IN ['a'] AND order_date = 'x'        | Where clause does not contain a mandatory equality on all key attributes
        UPDATE Orders SET total = 1 WHERE (customer_id = 'a' OR customer_id = 'a') AND order_date = 'x' | Where clause does not contain a mandatory equality on all key attributes
        SELECT * FROM Orders WHERE customer_id = 'a' ORDER BY total               | Variable reference total in ORDER BY clause must be part of the primary key
        SELECT * FROM Nope WHERE a = 1                                            | Cannot do operations on a non-existent table
        UPDATE Orders SET order_date = 'x' WHERE customer_id = 'a' AND order_date = 'b' | Cannot update attribute order_date. This attribute is part of the key
        INSERT INTO Orders.ByStatus VALUE {'customer_id': 'a', 'order_date': 'b'}  | FROM clause may only contain a single table name in data manipulation statements
        UPDATE Orders.ByStatus SET total = 1 WHERE customer_id = 'a' AND order_date = 'b' | This operation is not supported on an index
        DELETE FROM Orders.Nope WHERE customer_id = 'a' AND order_date = 'b'      | This operation is not supported on an index
        EXISTS(SELECT * FROM Orders.ByStatus WHERE customer_id = 'a' AND order_date = 'b' AND total > 1) | Operations on indices are not supported in transactions
        """)
    void rejectsWhatDynamoDbRejects(String sql, String message) {
        assertThatThrownBy(() -> plan(sql)).isInstanceOf(DynamoException.class).hasMessageContaining(message);
    }

    @org.junit.jupiter.api.Test
    void writesNameOneItemAndKeepTheirCondition() {
        Plan.Update update = (Plan.Update) plan(
                "UPDATE Orders SET total = total + 1 WHERE customer_id = 'a' AND order_date = 'b' AND total < 10");
        assertThat(update.key().sortValue()).isNotNull();
        assertThat(update.condition()).isNotNull();
        Plan.Delete delete = (Plan.Delete) plan("DELETE FROM Users WHERE id = ?");
        assertThat(delete.condition()).isNull();
    }

    private static String physicalSql(Plan.Select select) {
        AccessPath path = select.path();
        if (path instanceof AccessPath.GetItem) {
            return PhysicalSql.getItem(select.table());
        } else if (path instanceof AccessPath.Scan) {
            return PhysicalSql.scan(select.table());
        }
        SortRange r = path instanceof AccessPath.Query q ? q.range() : ((AccessPath.MultiQuery) path).range();
        boolean desc = path instanceof AccessPath.Query q ? q.descending() : ((AccessPath.MultiQuery) path).descending();
        return PhysicalSql.query(select.table(), PhysicalSql.lowerBound(r), PhysicalSql.upperBound(r), desc);
    }
}
