package dev.jdbcdynamo.planner.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Pos;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Round trips for every statement kind: text is parsed, printed back fully parenthesized (the
 * tree's shape), and the printed text parses to the same shape again.
 */
class ParserShapeTest {

    private static String shape(String text) {
        String printed = AstPrinter.print(Parser.parse(text).statement());
        assertThat(AstPrinter.print(Parser.parse(printed).statement())).as("reparsed %s", printed).isEqualTo(printed);
        return printed;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        SELECT * FROM Orders | SELECT * FROM Orders
        select a, "b c", d.e[0]."f" from "My-Table"."ByX" where k = 'v' | SELECT a, "b c", d.e[0].f FROM "My-Table".ByX WHERE (k = 'v')
        SELECT * FROM t WHERE a = 1 OR b = 2 AND NOT c = 3 | SELECT * FROM t WHERE ((a = 1) OR ((b = 2) AND (NOT (c = 3))))
        SELECT * FROM t WHERE a + b * -c - 2 / d > 1 | SELECT * FROM t WHERE (((a + (b * (- (c)))) - (2 / d)) > 1)
        SELECT * FROM t WHERE a BETWEEN -3 AND 1 + 1 AND b IN ('x', 'y') | SELECT * FROM t WHERE ((a BETWEEN -3 AND (1 + 1)) AND (b IN ['x', 'y']))
        SELECT * FROM t WHERE a NOT IN [1] AND b NOT BETWEEN 1 AND 2 | SELECT * FROM t WHERE ((NOT (a IN [1])) AND (NOT (b BETWEEN 1 AND 2)))
        SELECT * FROM t WHERE a IS MISSING AND b IS NOT NULL OR c IS NOT MISSING | SELECT * FROM t WHERE (((a IS MISSING) AND (b IS NOT NULL)) OR (c IS NOT MISSING))
        SELECT * FROM t WHERE a = 1 = TRUE AND b <> 2 AND c != 3 | SELECT * FROM t WHERE ((((a = 1) = TRUE) AND (b <> 2)) AND (c <> 3))
        SELECT * FROM t WHERE begins_with(SK, 'A#') AND Size(x) >= 2 AND attribute_type(y, 'SS') | SELECT * FROM t WHERE ((begins_with(SK, 'A#') AND (size(x) >= 2)) AND attribute_type(y, 'SS'))
        SELECT * FROM t WHERE "size"(x) < 3 AND contains(tags, 'a') | SELECT * FROM t WHERE ((size(x) < 3) AND contains(tags, 'a'))
        SELECT * FROM Users WHERE lower(name) = 'bob' AND attribute_exists() | SELECT * FROM Users WHERE ((lower(name) = 'bob') AND attribute_exists())
        SELECT * FROM t WHERE m = {'a': 1, 'it''s': [TRUE, NULL, <<'x', 'y'>>]} | SELECT * FROM t WHERE (m = {'a': 1, 'it''s': [TRUE, NULL, <<'x', 'y'>>]})
        SELECT * FROM t WHERE (a) [0] = 1 AND x['k'] = 2 | SELECT * FROM t WHERE ((a[0] = 1) AND (x.k = 2))
        SELECT p, s FROM StrKeys WHERE p = 'x' ORDER BY s DESC, p ASC | SELECT p, s FROM StrKeys WHERE (p = 'x') ORDER BY s DESC, p
        INSERT INTO Orders VALUE {'customer_id': 'C4', 'total': 12.50, 'neg': -0, 'e': 1E3} | INSERT INTO Orders VALUE {'customer_id': 'C4', 'total': 12.5, 'neg': 0, 'e': 1000}
        INSERT INTO Orders VALUE ? | INSERT INTO Orders VALUE ?
        UPDATE t SET a = a + 1, b.c[2] = 'x' REMOVE d SET e = list_append(e, [1]) REMOVE f.g WHERE k = 1 RETURNING MODIFIED NEW * | UPDATE t SET a = (a + 1) SET b.c[2] = 'x' REMOVE d SET e = list_append(e, [1]) REMOVE f.g WHERE (k = 1) RETURNING MODIFIED NEW *
        UPDATE t SET a = set_add(a, <<1, 2>>) WHERE k = 1 RETURNING ALL OLD * | UPDATE t SET a = set_add(a, <<1, 2>>) WHERE (k = 1) RETURNING ALL OLD *
        UPDATE t SET a = 1 | UPDATE t SET a = 1
        DELETE FROM t WHERE k = ? AND s = ? RETURNING ALL OLD * | DELETE FROM t WHERE ((k = ?) AND (s = ?)) RETURNING ALL OLD *
        DELETE FROM t | DELETE FROM t
        EXISTS (SELECT * FROM t WHERE k = 1 AND v > 2); | EXISTS(SELECT * FROM t WHERE ((k = 1) AND (v > 2)))
        EXPLAIN SELECT * FROM t WHERE k = 1 | EXPLAIN SELECT * FROM t WHERE (k = 1)
        SELECT DISTINCT a AS x, b y, count(*) FROM t AS o GROUP BY a, b HAVING count(DISTINCT c) > 1 LIMIT 10 OFFSET ? | SELECT DISTINCT a AS x, b AS y, count(*) FROM t AS o GROUP BY a, b HAVING (count(DISTINCT c) > 1) LIMIT 10 OFFSET ?
        SELECT o.*, u.name FROM Orders o JOIN Users u ON o.uid = u.id LEFT OUTER JOIN X x2 ON TRUE CROSS JOIN Y | SELECT o.*, u.name FROM Orders AS o INNER JOIN Users AS u ON (o.uid = u.id) LEFT JOIN X AS x2 ON TRUE CROSS JOIN Y
        SELECT * FROM t WHERE EXISTS(SELECT * FROM u WHERE a = 1) | SELECT * FROM t WHERE EXISTS(SELECT * FROM u WHERE (a = 1))
        CREATE TABLE IF NOT EXISTS Orders (customer_id STRING PARTITION KEY, order_date S SORT KEY, total NUMBER, b binary, LOCAL INDEX ByTotal (total) PROJECTION KEYS_ONLY, GLOBAL INDEX ByStatus (status, order_date) PROJECTION INCLUDE (total, "level")) | CREATE TABLE IF NOT EXISTS Orders (customer_id S PARTITION KEY, order_date S SORT KEY, total N, b B, LOCAL INDEX ByTotal (total) PROJECTION KEYS_ONLY, GLOBAL INDEX ByStatus (status, order_date) PROJECTION INCLUDE (total, "level"))
        create table T (id N hash key, ts B range key, GLOBAL INDEX g (x)) | CREATE TABLE T (id N PARTITION KEY, ts B SORT KEY, GLOBAL INDEX g (x) PROJECTION ALL)
        CREATE GLOBAL INDEX "G-1" ON Orders (status) PROJECTION ALL | CREATE GLOBAL INDEX "G-1" ON Orders (status) PROJECTION ALL
        DROP TABLE IF EXISTS "Orders" | DROP TABLE IF EXISTS Orders
        DROP INDEX g ON t | DROP INDEX g ON t
        """)
    void printsTheShapeAndReparses(String text, String expected) {
        assertThat(shape(text)).isEqualTo(expected);
    }

    @Test
    void commentsAndTrailingSemicolonAreSkipped() {
        String text = "SELECT order_date FROM Orders -- comment\nWHERE /* a\n b */ customer_id = 'C2';  -- end";
        assertThat(shape(text)).isEqualTo("SELECT order_date FROM Orders WHERE (customer_id = 'C2')");
    }

    @Test
    void parametersAreNumberedInTextOrder() {
        ParsedStatement parsed = Parser.parse("SELECT * FROM t WHERE a = ? AND b IN [?, ?] ORDER BY c LIMIT ?");
        assertThat(parsed.parameterCount()).isEqualTo(4);
        Statement.Select select = (Statement.Select) parsed.statement();
        Expr.And and = (Expr.And) select.where();
        assertThat(((Expr.Compare) and.left()).right()).isEqualTo(new Expr.Parameter(0, new Pos(1, 27, 1)));
        assertThat(((Expr.In) and.right()).candidates()).extracting(e -> ((Expr.Parameter) e).index())
                .containsExactly(1, 2);
        assertThat(((Expr.Parameter) select.limit()).index()).isEqualTo(3);
    }

    @Test
    void literalsCarryValuesAndPositions() {
        Statement.Insert insert = (Statement.Insert) Parser.parse(
                "INSERT INTO t VALUE {'s': 'it''s', 'n': - 1.50, 'b': false, 'z': null}").statement();
        List<Expr.MapExpr.Entry> entries = ((Expr.MapExpr) insert.value()).entries();
        assertThat(entries).extracting(Expr.MapExpr.Entry::key).containsExactly("s", "n", "b", "z");
        assertThat(entries.get(0).value()).isEqualTo(new Expr.Literal(new AttributeValue.S("it's"), new Pos(1, 27, 7)));
        assertThat(entries.get(1).value()).isEqualTo(
                new Expr.Literal(new AttributeValue.N(new BigDecimal("-1.5")), new Pos(1, 41, 6)));
        assertThat(((Expr.Literal) entries.get(2).value()).value()).isEqualTo(AttributeValue.Bool.FALSE);
        assertThat(((Expr.Literal) entries.get(3).value()).value()).isEqualTo(AttributeValue.Null.INSTANCE);
    }

    @Test
    void identifiersKeepTheirCaseAndKeywordsDoNot() {
        Statement.Select select = (Statement.Select) Parser.parse(
                "sElEcT Status, \"a\"\"b\" FrOm \"Orders\".\"ByStatus\" WhErE MyKey = 1").statement();
        assertThat(select.items()).extracting(i -> ((Expr.PathRef) i.expr()).path())
                .containsExactly(Path.of("Status"), Path.of("a\"b"));
        Statement.TableRef table = ((Statement.FromTable) select.from()).table();
        assertThat(table.table()).isEqualTo("Orders");
        assertThat(table.index()).isEqualTo("ByStatus");
        assertThat(((Expr.PathRef) ((Expr.Compare) select.where()).left()).path().root()).isEqualTo("MyKey");
    }

    @Test
    void infixOperatorsArePlacedAtTheOperator() {
        Statement.Select select = (Statement.Select) Parser.parse("SELECT * FROM t WHERE a = 1 AND b > 2").statement();
        Expr.And and = (Expr.And) select.where();
        assertThat(and.pos()).isEqualTo(new Pos(1, 29, 3));
        assertThat(and.left().pos()).isEqualTo(new Pos(1, 25, 1));
        assertThat(select.pos()).isEqualTo(new Pos(1, 1, 6));
    }

    @Test
    void reservedWordsNeedQuotesButOtherDynamoWordsDoNot() {
        assertThat(shape("SELECT status, name, comment, \"value\", data, type FROM t WHERE \"date\" = 1"))
                .isEqualTo("SELECT status, name, comment, \"value\", data, type FROM t WHERE (\"date\" = 1)");
        assertThat(shape("SELECT n, b, s, partition, sort, hash, range, projection, include FROM NumKeys"))
                .isEqualTo("SELECT n, b, s, partition, sort, hash, range, projection, include FROM NumKeys");
    }
}
