package dev.jdbcdynamo.planner.parse;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Path;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one statement: SELECT (with the SQL extensions), INSERT, UPDATE, DELETE, a transaction's
 * {@code EXISTS(SELECT ...)}, EXPLAIN, and through {@link DdlParser} the driver's DDL.
 */
final class StatementParser {
    private static final String RETURNING_STAR = "Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause";
    private static final String INSERT_FORMAT = "Unsupported format in item expression. Please use struct format {...}"
            + " to express item values for insert statement.";

    private final TokenStream tokens;
    private final ExpressionParser expressions;
    private final DdlParser ddl;

    StatementParser(TokenStream tokens) {
        this.tokens = tokens;
        this.expressions = new ExpressionParser(tokens, this::parseSelect);
        this.ddl = new DdlParser(tokens);
    }

    /** The whole text: one statement, an optional {@code ;}, nothing after. */
    Statement parseText() {
        Statement statement = parseStatement();
        tokens.accept(TokenKind.SEMICOLON);
        tokens.expect(TokenKind.END);
        tokens.throwDeferred();
        return statement;
    }

    private Statement parseStatement() {
        Token first = tokens.peek();
        if (first.isWord("SELECT")) {
            return parseSelect();
        } else if (first.isWord("INSERT")) {
            return parseInsert();
        } else if (first.isWord("UPDATE")) {
            return parseUpdate();
        } else if (first.isWord("DELETE")) {
            return parseDelete();
        } else if (first.isWord("EXISTS")) {
            return parseConditionCheck();
        } else if (first.isWord("CREATE")) {
            return ddl.parseCreate();
        } else if (first.isWord("DROP")) {
            return ddl.parseDrop();
        } else if (first.isWord("EXPLAIN")) {
            tokens.next();
            tokens.enter();
            Statement explained = parseStatement();
            tokens.leave();
            return new Statement.Explain(explained, first.pos());
        }
        for (String keyword : List.of("SELECT", "INSERT", "UPDATE", "DELETE", "EXISTS", "CREATE", "DROP", "EXPLAIN")) {
            tokens.expecting(keyword);
        }
        throw tokens.unexpected();
    }

    Statement.Select parseSelect() {
        Token select = tokens.expectWord("SELECT");
        tokens.enter();
        boolean distinct = tokens.atWord("DISTINCT");
        if (distinct || tokens.atWord("ALL")) {
            tokens.next();
        }
        List<Statement.SelectItem> items = new ArrayList<>();
        if (!tokens.accept(TokenKind.STAR)) {
            do {
                items.add(parseSelectItem());
            } while (tokens.accept(TokenKind.COMMA));
        }
        tokens.expectWord("FROM");
        Statement.From from = parseFrom();
        Expr where = tokens.acceptWord("WHERE") ? expressions.parseExpr() : null;
        List<Expr> groupBy = new ArrayList<>();
        if (tokens.atWord("GROUP")) {
            tokens.next();
            tokens.expectWord("BY");
            groupBy = expressions.parseList(null, false);
        }
        Expr having = null;
        if (tokens.atWord("HAVING")) {
            tokens.next();
            having = expressions.parseExpr();
        }
        List<Statement.OrderItem> orderBy = parseOrderBy();
        Expr limit = tokens.atWord("LIMIT") ? parseCount() : null;
        Expr offset = tokens.atWord("OFFSET") ? parseCount() : null;
        tokens.leave();
        return new Statement.Select(distinct, items, from, where, groupBy, having, orderBy, limit, offset, select.pos());
    }

    private Statement.SelectItem parseSelectItem() {
        Token start = tokens.peek();
        Expr expr = expressions.parseExpr();
        return new Statement.SelectItem(expr, parseAlias(), start.pos());
    }

    /** {@code AS name} or a bare name; OFFSET, unreserved in PartiQL, is a clause here. */
    private String parseAlias() {
        if (tokens.atWord("AS")) {
            tokens.next();
            return tokens.expectName("alias");
        }
        Token token = tokens.peek();
        if (token.isName() && !token.isWord("OFFSET")) {
            tokens.next();
            return token.text();
        }
        return null;
    }

    private Statement.From parseFrom() {
        Statement.From from = new Statement.FromTable(parseTableRef(true));
        while (true) {
            Token start = tokens.peek();
            Statement.JoinKind kind;
            if (start.isWord("JOIN") || start.isWord("INNER")) {
                kind = Statement.JoinKind.INNER;
            } else if (start.isWord("LEFT")) {
                kind = Statement.JoinKind.LEFT;
            } else if (start.isWord("CROSS")) {
                kind = Statement.JoinKind.CROSS;
            } else {
                return from;
            }
            if (!start.isWord("JOIN")) {
                tokens.next();
                if (kind == Statement.JoinKind.LEFT && tokens.atWord("OUTER")) {
                    tokens.next();
                }
            }
            tokens.expectWord("JOIN");
            Statement.From right = new Statement.FromTable(parseTableRef(true));
            Expr on = null;
            if (kind != Statement.JoinKind.CROSS) {
                tokens.expectWord("ON");
                on = expressions.parseExpr();
            }
            from = new Statement.Join(from, right, kind, on, start.pos());
        }
    }

    /** {@code table}, {@code "table"."index"}, with an alias where allowed. */
    private Statement.TableRef parseTableRef(boolean aliased) {
        Token start = tokens.peek();
        String table = tokens.expectName("table name");
        String index = null;
        if (tokens.at(TokenKind.DOT)) {
            tokens.next();
            index = tokens.expectName("index name");
            if (tokens.at(TokenKind.DOT)) {
                while (tokens.at(TokenKind.DOT)) {
                    tokens.next();
                    tokens.expectName("name");
                }
                tokens.defer(ErrorCode.VALIDATION, "A path may contain at most 2 components in the FROM clause",
                        start.pos());
            }
        }
        String alias = aliased ? parseAlias() : null;
        return new Statement.TableRef(table, index, alias, start.pos());
    }

    private List<Statement.OrderItem> parseOrderBy() {
        List<Statement.OrderItem> orderBy = new ArrayList<>();
        if (!tokens.acceptWord("ORDER")) {
            return orderBy;
        }
        tokens.expectWord("BY");
        do {
            Token start = tokens.peek();
            Expr expr = expressions.parseExpr();
            boolean descending = false;
            if (!tokens.acceptWord("ASC")) {
                descending = tokens.acceptWord("DESC");
            }
            orderBy.add(new Statement.OrderItem(expr, descending, start.pos()));
        } while (tokens.accept(TokenKind.COMMA));
        return orderBy;
    }

    /** LIMIT's or OFFSET's count: an integer or {@code ?}. */
    private Expr parseCount() {
        tokens.next();
        Token token = tokens.peek();
        if (token.kind() == TokenKind.PARAMETER) {
            tokens.next();
            return new Expr.Parameter(tokens.nextParameter(), token.pos());
        } else if (token.kind() == TokenKind.NUMBER && token.text().chars().allMatch(c -> c >= '0' && c <= '9')) {
            tokens.next();
            return expressions.numberLiteral(token.text(), token, token.pos());
        }
        tokens.expecting("integer");
        tokens.expecting(TokenKind.PARAMETER.display());
        throw tokens.unexpected();
    }

    private Statement parseInsert() {
        Token insert = tokens.next();
        tokens.expectWord("INTO");
        Statement.TableRef table = parseTableRef(false);
        if (tokens.acceptWord("VALUE")) {
            Statement.Insert parsed = new Statement.Insert(table, parseItem(), insert.pos());
            Token returning = tokens.peek();
            if (returning.isWord("RETURNING")) {
                // DynamoDB parses the clause and then refuses it (recorded from DynamoDB Local).
                parseReturning(false);
                tokens.defer(ErrorCode.VALIDATION, "RETURNING is not supported in INSERT", returning.pos());
            }
            return parsed;
        }
        Token start = tokens.peek();
        if (start.isWord("SELECT") || start.kind() == TokenKind.LEFT_BAG) {
            // DynamoDB parses INSERT INTO t <query> and then refuses it.
            if (start.isWord("SELECT")) {
                parseSelect();
            } else {
                expressions.parseExpr();
            }
            tokens.defer(ErrorCode.UNSUPPORTED_LANGUAGE_FEATURE, "InsertOp", start.pos());
            return new Statement.Insert(table, new Expr.MapExpr(List.of(), start.pos()), insert.pos());
        }
        throw tokens.unexpected();
    }

    /** {@code {...}} or {@code ?}; DynamoDB parses any other expression and then refuses it. */
    private Expr parseItem() {
        Token start = tokens.peek();
        if (start.kind() == TokenKind.LEFT_BRACE) {
            return expressions.collections().parseItem();
        } else if (start.kind() == TokenKind.PARAMETER) {
            tokens.next();
            return new Expr.Parameter(tokens.nextParameter(), start.pos());
        }
        tokens.expecting(TokenKind.LEFT_BRACE.display());
        tokens.expecting(TokenKind.PARAMETER.display());
        Expr value = expressions.parseExpr();
        tokens.deferValidation(INSERT_FORMAT, start.pos());
        return value;
    }

    private Statement parseUpdate() {
        Token update = tokens.next();
        Statement.TableRef table = parseTableRef(true);
        List<Statement.UpdateAction> actions = new ArrayList<>();
        while (true) {
            if (tokens.acceptWord("SET")) {
                do {
                    Token start = tokens.peek();
                    Path path = expressions.paths().parsePath();
                    tokens.expect(TokenKind.EQ);
                    actions.add(new Statement.SetAction(path, expressions.parseExpr(), start.pos()));
                } while (tokens.accept(TokenKind.COMMA));
            } else if (tokens.acceptWord("REMOVE")) {
                // DynamoDB takes one path per REMOVE: "REMOVE a REMOVE b", not "REMOVE a, b".
                Token start = tokens.peek();
                actions.add(new Statement.RemoveAction(expressions.paths().parsePath(), start.pos()));
            } else {
                break;
            }
        }
        if (actions.isEmpty()) {
            throw tokens.unexpected();
        }
        Expr where = tokens.acceptWord("WHERE") ? expressions.parseExpr() : null;
        return new Statement.Update(table, actions, where, parseReturning(false), update.pos());
    }

    private Statement parseDelete() {
        Token delete = tokens.next();
        tokens.expectWord("FROM");
        Statement.TableRef table = parseTableRef(true);
        Expr where = tokens.acceptWord("WHERE") ? expressions.parseExpr() : null;
        return new Statement.Delete(table, where, parseReturning(true), delete.pos());
    }

    /** {@code RETURNING (ALL | MODIFIED) (OLD | NEW) *}; DELETE allows only ALL OLD. */
    private Statement.Returning parseReturning(boolean delete) {
        if (!tokens.acceptWord("RETURNING")) {
            return Statement.Returning.NONE;
        }
        Token start = tokens.previous();
        boolean all = tokens.acceptWord("ALL");
        if (!all) {
            tokens.expectWord("MODIFIED");
        }
        boolean old = tokens.acceptWord("OLD");
        if (!old) {
            tokens.expectWord("NEW");
        }
        if (!tokens.accept(TokenKind.STAR)) {
            Token projection = tokens.peek();
            if (projection.kind() == TokenKind.END || projection.kind() == TokenKind.SEMICOLON) {
                throw tokens.unexpected();
            }
            expressions.parseExpr();
            tokens.defer(ErrorCode.VALIDATION, RETURNING_STAR, projection.pos());
        }
        String clause = (all ? "ALL" : "MODIFIED") + (old ? " OLD" : " NEW");
        if (delete && !(all && old)) {
            tokens.defer(ErrorCode.VALIDATION, "Invalid returning clause: RETURNING " + clause
                    + " *. Only RETURNING ALL OLD * is allowed in DELETE statements.", start.pos());
        }
        return Statement.Returning.valueOf(clause.replace(' ', '_'));
    }

    /** A transaction's condition check: {@code EXISTS(SELECT ...)}. */
    private Statement parseConditionCheck() {
        Token exists = tokens.next();
        tokens.expect(TokenKind.LEFT_PAREN);
        Statement.Select query = parseSelect();
        tokens.expect(TokenKind.RIGHT_PAREN);
        return new Statement.ConditionCheck(query, exists.pos());
    }
}
