package dev.jdbcdynamo.planner.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Errors point at the offending token: each statement marks the expected position with carets. */
class ParserErrorPositionTest {

    private static DynamoException fail(CaretStatement statement) {
        DynamoException e = catchThrowableOfType(DynamoException.class, () -> Parser.parse(statement.text()));
        assertThat(e).as("no error for %s", statement.text()).isNotNull();
        assertThat(e.line()).as("line of %s", e.getMessage()).isEqualTo(statement.line());
        assertThat(e.column()).as("column of %s", e.getMessage()).isEqualTo(statement.column());
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
        SELECT * ^FORM^ t                                        | Unexpected token 'FORM', expected FROM
        SELECT 1^^                                               | Unexpected end of statement, expected ',' or FROM
        SELECT * FROM t WHERE a = 'x'; ^SELECT^ * FROM u         | Unexpected reserved word 'SELECT', expected end of statement
        SELECT * FROM Orders WHERE customer_id = ^'C1^           | Unterminated string literal
        SELECT ^"abc^                                            | Unterminated quoted identifier
        SELECT * FROM t ^/*^ never closed                        | Unterminated comment
        UPDATE Orders SET ^WHERE^ customer_id = 'C1'             | Unexpected reserved word 'WHERE', expected attribute name
        SELECT ^level^ FROM GameScores                           | double-quote a reserved word to use it as a name: "level"
        SELECT a.^value^ FROM t                                  | Unexpected reserved word 'value', expected attribute name
        SELECT * FROM ^user^                                     | Unexpected reserved word 'user', expected table name
        UPDATE t REMOVE a^,^ b WHERE k = 1                       | Unexpected token ',', expected SET, REMOVE, WHERE, RETURNING, ';' or end of statement
        UPDATE t SET a = 1 RETURNING ALL NEW^^                   | Unexpected end of statement, expected '*'
        UPDATE t SET a = 1 RETURNING ^NONE^                      | expected ALL or MODIFIED
        SELECT * FROM t WHERE a = ^#^b                           | Unexpected character '#'
        SELECT * FROM t WHERE a = ^12abc^                        | Malformed number '12abc'
        SELECT * FROM t WHERE a = ^1e^                           | Malformed number
        SELECT * FROM t WHERE a = ^1E99999999999^                | Malformed number
        SELECT * FROM t WHERE a ^!^ = 1                          | Unexpected character '!'
        SELECT * FROM t WHERE a < ^>^ 1                          | Unexpected token '>', expected expression
        SELECT * FROM t WHERE a IS ^TRUE^                        | expected NOT, MISSING or NULL
        SELECT * FROM t WHERE a IN (^)^                          | expected expression
        SELECT * FROM t WHERE foo.bar^(^x)                       | Unexpected token '('
        SELECT x[^*^] FROM t                                      | expected list index
        SELECT *^,^ a FROM t                                     | Unexpected token ',', expected FROM
        INSERT INTO t ^VALUES^ {'a': 1}                          | expected VALUE
        INSERT INTO t VALUE {'a' ^1^}                            | expected ':'
        INSERT INTO t VALUE {'a': 1 ^'b'^: 2}                    | expected ',' or '}'
        DELETE ^t^ WHERE k = 1                                   | expected FROM
        CREATE TABLE t (a ^TEXT^)                                | expected STRING, NUMBER or BINARY
        CREATE TABLE t (a S PARTITION ^KY^)                      | expected KEY
        CREATE ^LOCAL^ INDEX i ON t (a)                          | Unexpected reserved word 'LOCAL', expected TABLE or GLOBAL
        DROP ^VIEW^ v                                            | expected TABLE or INDEX
        ^^                                                       | Unexpected end of statement, expected SELECT, INSERT, UPDATE, DELETE, EXISTS, CREATE, DROP or EXPLAIN
        ^WITH^ x AS (SELECT * FROM t) SELECT * FROM x            | expected SELECT
        EXISTS(SELECT * FROM t WHERE k = 1) ^AND^ 1 = 1          | expected ';' or end of statement
        SELECT * FROM t WHERE count(^)^ = 1                      | Unexpected token ')', expected expression
        SELECT * FROM t WHERE sum(1^,^ 2) = 1                    | Unexpected token ',', expected ')'
        SELECT * FROM t WHERE size(^*^) = 1                      | Unexpected token '*', expected expression
        """)
    void syntaxErrorsPointAtTheToken(String marked, String message) {
        DynamoException e = fail(CaretStatement.of(marked.strip()));
        assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
        assertThat(e.getMessage()).startsWith("Statement wasn't well formed, can't be processed: ");
        assertThat(e.getMessage()).contains(message);
        assertThat(e.getMessage()).endsWith(" at line " + e.line() + ", column " + e.column());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', textBlock = """
        INSERT INTO Orders VALUE {'customer_id': 'C4', 'total': 1, ^'total'^: 2} => Duplicate keys in tuple. Key: total under root at 1:60:7
        SELECT * FROM t WHERE a = 1 AND x = ^{^'a': 1, 'a': 2} => Duplicate keys in tuple. Key: a under root at 1:37:1
        INSERT INTO t VALUE {'id': 'b', 'm': [1, [^{^'q': 1, 'q': 2}]]} => Duplicate keys in tuple. Key: q under root.1.0 at 1:43:1
        INSERT INTO Orders VALUE {'id': 'C4', 'tags': ^<<^>>} => Empty bags are not supported at 1:47:2
        INSERT INTO t VALUE {'id': 'b', 'm': ^MISSING^} => Unsupported data type: MISSING under key root at 1:38:7
        INSERT INTO t VALUE {'id': 'b', 'm': {'k': ^MISSING^}} => Unsupported data type: LiteralMissing under key root.k at 1:44:7
        INSERT INTO t VALUE {'id': 'b', ^?^: 1} => Tuple keys must be of type String. Actual type: Parameter under root at 1:33:1
        INSERT INTO t VALUE ^'x'^ => Unsupported format in item expression. Please use struct format {...} to express item values for insert statement. at 1:21:3
        UPDATE t SET a = ^MISSING^ WHERE k = 1 => MISSING must be compared using IS operator
        UPDATE t SET a = 1 WHERE k = 1 RETURNING ALL NEW ^total^ => Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause
        DELETE FROM t WHERE k = 1 ^RETURNING^ MODIFIED OLD * => Invalid returning clause: RETURNING MODIFIED OLD *. Only RETURNING ALL OLD * is allowed in DELETE statements.
        INSERT INTO t VALUE {'a': 1} ^RETURNING^ ALL NEW * => RETURNING is not supported in INSERT
        INSERT INTO t VALUE {'a': ?} ^RETURNING^ MODIFIED OLD * => RETURNING is not supported in INSERT
        SELECT a[^1.5^] FROM t => Unexpected path component at 1:10:3
        SELECT a[-^1^] FROM t => List index is not within the allowable range; index: [-1] at 1:11:1
        SELECT a[^2147483648^] FROM t => List index is not within the allowable range; index: [2147483648] at 1:10:10
        SELECT * FROM t WHERE ^size^(y)[0] = 1 => Unexpected path component at 1:23:4
        SELECT ^""^ FROM t => Path component cannot be an empty string
        SELECT * FROM ^"a"^."b"."c" => A path may contain at most 2 components in the FROM clause
        SELECT * FROM t WHERE a = 1 AND b ^LIKE^ 'x%' => Unsupported operator in Condition Expression. Operator: like
        SELECT * FROM t WHERE id IN ^?^ => IN operator must have a left hand argument of type Variable Reference and right hand argument of type Seq with at least one member
        SELECT * FROM t WHERE a = ^99999999999999999999999999999999999999999^ => DynamoDB only supports precision up to 38 digits
        """)
    void dynamoDbValidationErrorsComeAfterParsingWithItsMessages(String marked, String message) {
        DynamoException e = fail(CaretStatement.of(marked.strip()));
        assertThat(e.code().errorName()).isEqualTo("ValidationException");
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void aSyntaxErrorLaterInTheTextWinsOverAValidationError() {
        DynamoException e = fail(CaretStatement.of("INSERT INTO t VALUE {'a': <<>>} ^WHERE^"));
        assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
    }

    @Test
    void insertSelectIsUnsupported() {
        DynamoException e = fail(CaretStatement.of("INSERT INTO Orders ^SELECT^ * FROM Orders WHERE k = 'C1'"));
        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_LANGUAGE_FEATURE);
        assertThat(e.getMessage()).isEqualTo("Unsupported operation: InsertOp");
    }

    @Test
    void linesAndColumnsCountLineBreaksTabsAndCodePoints() {
        fail(CaretStatement.of("SELECT *\nFROM t\nWHERE a = 1 ^FORM^"));
        fail(CaretStatement.of("SELECT *\r\nFROM t\r\nWHERE\ta = ^)^"));
        fail(CaretStatement.of("SELECT *\rFROM t WHERE ^)^"));
        fail(CaretStatement.of("SELECT * FROM t WHERE a = '\uD83D\uDE00 \u00e9' AND ^)^"));
        fail(CaretStatement.of("SELECT * -- comment ^\n^FORM t".replace("^\n^", "\n^") + "^"));
    }

    @Test
    void tooLongAStatementIsRefusedAtTheFirstCharacterPastTheLimit() {
        String ok = "SELECT * FROM t WHERE a = '" + "x".repeat(8192 - 28) + "'";
        assertThat(ok).hasSize(Parser.MAX_STATEMENT_LENGTH);
        Parser.parse(ok);
        DynamoException e = catchThrowableOfType(DynamoException.class, () -> Parser.parse(ok + " "));
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION);
        assertThat(e.getMessage()).isEqualTo("Member must have length less than or equal to 8192");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(8193);
    }

    @Test
    void deepNestingIsASyntaxErrorNotAStackOverflow() {
        for (String open : new String[] {"(", "[", "<<", "NOT ", "- ", "{'a': ", "size(", "a IN ["}) {
            String text = "SELECT * FROM t WHERE " + open.repeat(8000 / open.length()) + "a = 1";
            DynamoException e = catchThrowableOfType(DynamoException.class, () -> Parser.parse(text));
            assertThat(e).as(open).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
            assertThat(e.getMessage()).contains("nested too deeply");
        }
        DynamoException e = catchThrowableOfType(DynamoException.class,
                () -> Parser.parse("EXPLAIN ".repeat(1000) + "SELECT * FROM t"));
        assertThat(e.getMessage()).contains("nested too deeply");
    }

    @Test
    void nullTextIsAnEmptyStatement() {
        DynamoException e = catchThrowableOfType(DynamoException.class, () -> Parser.parse(null));
        assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.column()).isEqualTo(1);
    }
}
