package dev.jdbcdynamo.planner.plan;

import dev.jdbcdynamo.planner.path.AccessPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.catalog.Catalog;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.KeyType;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.parse.Parser;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binding reads of secondary indexes: key conditions on the index keys, ORDER BY, projections, states. */
class IndexReadsTest {
    private static final KeyAttribute CUSTOMER = new KeyAttribute("customer_id", KeyType.S);
    private static final KeyAttribute DATE = new KeyAttribute("order_date", KeyType.S);
    private static final KeyAttribute TOTAL = new KeyAttribute("total", KeyType.N);
    private static final KeyAttribute STATUS = new KeyAttribute("status", KeyType.S);
    private static final TableDef ORDERS = new TableDef(7, "Orders", CUSTOMER, DATE, List.of(TOTAL, STATUS), List.of(
            new IndexDef("ByTotal", false, 1, CUSTOMER, TOTAL, IndexDef.IndexProjection.KEYS_ONLY, List.of()),
            new IndexDef("ByStatus", true, 2, STATUS, DATE, IndexDef.IndexProjection.INCLUDE, List.of("total")),
            new IndexDef("ByTotalNew", true, 3, TOTAL, null, IndexDef.IndexProjection.ALL, List.of(),
                    IndexDef.IndexState.CREATING)), 1);
    private static final Catalog CATALOG = new Catalog() {
        @Override
        public Optional<TableDef> table(String name) {
            return name.equals("Orders") ? Optional.of(ORDERS) : Optional.empty();
        }

        @Override
        public Collection<TableDef> tables() {
            return List.of(ORDERS);
        }
    };

    private static Plan.Select plan(String sql) {
        return (Plan.Select) new Binder(CATALOG, Language.PARTIQL).bind(Parser.parse(sql).statement());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        SELECT * FROM "Orders"."ByStatus" WHERE status = ?                                | IndexQuery | Query     | false
        SELECT * FROM "Orders"."ByStatus" WHERE status = ? AND order_date = ?             | IndexQuery | Query     | false
        SELECT * FROM "Orders"."ByStatus" WHERE status = ? AND order_date > ? ORDER BY order_date DESC | IndexQuery | Query | false
        SELECT * FROM "Orders"."ByStatus" WHERE status IN ('a', 'b')                      | IndexQuery | MultiGet  | false
        SELECT * FROM "Orders"."ByStatus" WHERE status = ? AND total > 5                  | IndexQuery | Query     | true
        SELECT * FROM "Orders"."ByStatus" WHERE customer_id = ?                           | IndexScan  | Scan      | true
        SELECT * FROM "Orders"."ByTotal" WHERE customer_id = ? AND total BETWEEN 1 AND 5  | IndexQuery | Query     | false
        SELECT * FROM "Orders"."ByTotal" WHERE customer_id = ? AND order_date = ?         | IndexQuery | Query     | true
        """)
    void indexKeysDriveTheAccessPath(String sql, String kind, String inner, boolean filtered) {
        Plan.Select select = plan(sql);
        AccessPath.IndexQuery query = (AccessPath.IndexQuery) select.path();
        assertThat(query.kind()).isEqualTo(kind);
        assertThat(query.path().kind()).isEqualTo(inner);
        assertThat(select.filter() != null).isEqualTo(filtered);
    }

    @Test
    void aFullIndexKeyIsAQueryNotAGetItem() {
        AccessPath.Query q = (AccessPath.Query) ((AccessPath.IndexQuery) plan(
                "SELECT * FROM \"Orders\".\"ByStatus\" WHERE status = 'a' AND order_date = 'b'").path()).path();
        assertThat(q.range().isEquality()).isTrue();
    }

    @Test
    void orderByMustNameAnIndexKey() {
        assertThatThrownBy(() -> plan("SELECT * FROM \"Orders\".\"ByStatus\" WHERE status = 'a' ORDER BY customer_id"))
                .isInstanceOf(DynamoException.class)
                .hasMessage("Variable reference customer_id in ORDER BY clause must be part of the primary key");
    }

    @Test
    void aGlobalIndexAnswersOnlyWhatItProjects() {
        assertThatThrownBy(() -> plan("SELECT customer_id, coupon, note FROM \"Orders\".\"ByStatus\" WHERE status = 'a'"))
                .hasMessage("One or more parameter values were invalid: Global secondary index ByStatus does not project"
                        + " [coupon, note]");
        assertThat(plan("SELECT customer_id, total FROM \"Orders\".\"ByStatus\" WHERE status = 'a' AND coupon = 'x'")
                .filter()).isNotNull();
        // A local index fetches what it does not project from the item, as DynamoDB does.
        assertThat(plan("SELECT coupon FROM \"Orders\".\"ByTotal\" WHERE customer_id = 'a'").items()).hasSize(1);
    }

    @Test
    void unknownAndBackfillingIndexesAreRefused() {
        assertThatThrownBy(() -> plan("SELECT * FROM \"Orders\".\"Nope\" WHERE status = 'a'"))
                .hasMessage("The table does not have the specified index: Nope");
        assertThatThrownBy(() -> plan("SELECT * FROM \"Orders\".\"ByTotalNew\" WHERE total = 1"))
                .hasMessage("Cannot read from backfilling global secondary index: ByTotalNew");
    }
}
