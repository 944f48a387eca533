package dev.jdbcdynamo.planner.parse;

import dev.jdbcdynamo.planner.ast.Statement;
import java.util.ArrayList;
import java.util.List;

/** Parses the driver's DDL: CREATE TABLE, DROP TABLE, CREATE GLOBAL INDEX and DROP INDEX. */
final class DdlParser {
    // The DDL's own words (PARTITION, SORT, HASH, RANGE, PROJECTION, INCLUDE, KEYS_ONLY, S, N, B,
    // ...) are not reserved: they stay usable as attribute names.
    private final TokenStream tokens;

    DdlParser(TokenStream tokens) {
        this.tokens = tokens;
    }

    Statement parseCreate() {
        Token create = tokens.next();
        if (tokens.acceptWord("TABLE")) {
            return parseCreateTable(create);
        }
        tokens.expectWord("GLOBAL");
        Token global = tokens.previous();
        tokens.expectWord("INDEX");
        String name = tokens.expectName("index name");
        tokens.expectWord("ON");
        String table = tokens.expectName("table name");
        return new Statement.CreateIndex(table, parseIndexRest(name, true, global), create.pos());
    }

    private Statement parseCreateTable(Token create) {
        boolean ifNotExists = tokens.atWord("IF") && tokens.peek(1).isWord("NOT");
        if (ifNotExists) {
            tokens.next();
            tokens.next();
            tokens.expectWord("EXISTS");
        }
        String name = tokens.expectName("table name");
        tokens.expect(TokenKind.LEFT_PAREN);
        List<Statement.ColumnDef> columns = new ArrayList<>();
        List<Statement.IndexDef> indexes = new ArrayList<>();
        do {
            Token start = tokens.peek();
            if (start.isWord("LOCAL") || start.isWord("GLOBAL")) {
                tokens.next();
                tokens.expectWord("INDEX");
                String index = tokens.expectName("index name");
                indexes.add(parseIndexRest(index, start.isWord("GLOBAL"), start));
            } else {
                columns.add(parseColumn());
            }
        } while (tokens.accept(TokenKind.COMMA));
        tokens.expect(TokenKind.RIGHT_PAREN);
        return new Statement.CreateTable(name, ifNotExists, columns, indexes, create.pos());
    }

    private Statement.ColumnDef parseColumn() {
        Token start = tokens.peek();
        tokens.expecting("LOCAL INDEX");
        tokens.expecting("GLOBAL INDEX");
        String name = tokens.expectName("attribute name");
        Statement.ScalarType type = parseType();
        Statement.KeyRole role = Statement.KeyRole.NONE;
        if (tokens.atWord("HASH") || tokens.acceptWord("PARTITION")) {
            role = Statement.KeyRole.PARTITION;
        } else if (tokens.atWord("RANGE") || tokens.acceptWord("SORT")) {
            role = Statement.KeyRole.SORT;
        }
        if (role != Statement.KeyRole.NONE) {
            if (tokens.atWord("HASH") || tokens.atWord("RANGE")) {
                tokens.next();
            }
            tokens.expectWord("KEY");
        }
        return new Statement.ColumnDef(name, type, role, start.pos());
    }

    private Statement.ScalarType parseType() {
        Token token = tokens.peek();
        Statement.ScalarType type = null;
        if (token.isWord("STRING") || token.isWord("S")) {
            type = Statement.ScalarType.S;
        } else if (token.isWord("NUMBER") || token.isWord("N")) {
            type = Statement.ScalarType.N;
        } else if (token.isWord("BINARY") || token.isWord("B")) {
            type = Statement.ScalarType.B;
        }
        if (type == null) {
            tokens.expecting("STRING, NUMBER or BINARY");
            throw tokens.unexpected();
        }
        tokens.next();
        return type;
    }

    /** {@code (keys) [PROJECTION ALL | KEYS_ONLY | INCLUDE (names)]}: one key for a local index, one or two for a global one. */
    private Statement.IndexDef parseIndexRest(String name, boolean global, Token start) {
        tokens.expect(TokenKind.LEFT_PAREN);
        List<String> keys = new ArrayList<>();
        keys.add(tokens.expectName("attribute name"));
        if (global && tokens.accept(TokenKind.COMMA)) {
            keys.add(tokens.expectName("attribute name"));
        }
        tokens.expect(TokenKind.RIGHT_PAREN);
        Statement.Projection projection = Statement.Projection.ALL;
        List<String> include = new ArrayList<>();
        if (tokens.acceptWord("PROJECTION")) {
            if (tokens.acceptWord("INCLUDE")) {
                projection = Statement.Projection.INCLUDE;
                tokens.expect(TokenKind.LEFT_PAREN);
                do {
                    include.add(tokens.expectName("attribute name"));
                } while (tokens.accept(TokenKind.COMMA));
                tokens.expect(TokenKind.RIGHT_PAREN);
            } else if (tokens.acceptWord("KEYS_ONLY")) {
                projection = Statement.Projection.KEYS_ONLY;
            } else {
                tokens.expectWord("ALL");
            }
        }
        return new Statement.IndexDef(name, global, keys, projection, include, start.pos());
    }

    Statement parseDrop() {
        Token drop = tokens.next();
        if (tokens.acceptWord("TABLE")) {
            boolean ifExists = tokens.atWord("IF") && tokens.peek(1).isWord("EXISTS");
            if (ifExists) {
                tokens.next();
                tokens.next();
            }
            return new Statement.DropTable(tokens.expectName("table name"), ifExists, drop.pos());
        }
        tokens.expectWord("INDEX");
        String index = tokens.expectName("index name");
        tokens.expectWord("ON");
        return new Statement.DropIndex(tokens.expectName("table name"), index, drop.pos());
    }
}
