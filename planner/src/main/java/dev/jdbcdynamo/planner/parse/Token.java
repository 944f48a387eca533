package dev.jdbcdynamo.planner.parse;

import dev.jdbcdynamo.planner.ast.Pos;
import java.util.Locale;

/**
 * One token of the statement text: {@code text} is the source (the unescaped content of a string
 * or quoted identifier), {@code offset} and {@code end} index the source, and {@code line},
 * {@code column} (1-based) and {@code length} count code points.
 */
record Token(TokenKind kind, String text, int offset, int end, int line, int column, int length) {

    /** True for an unquoted word equal to {@code keyword}, ignoring case. */
    boolean isWord(String keyword) {
        return kind == TokenKind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    /** True for an unquoted word that PartiQL reserves. */
    boolean isReserved() {
        return kind == TokenKind.IDENTIFIER && ReservedWords.isReserved(text);
    }

    /** True for a name: an unreserved word or a quoted identifier. */
    boolean isName() {
        return kind == TokenKind.QUOTED_IDENTIFIER || kind == TokenKind.IDENTIFIER && !isReserved();
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    Pos pos() {
        return new Pos(line, column, length);
    }

    /** How an error message names this token when it was not expected. */
    String describe() {
        if (kind == TokenKind.END) {
            return "end of statement";
        } else if (kind == TokenKind.STRING) {
            return "string literal '" + clip(text) + "'";
        } else if (kind == TokenKind.QUOTED_IDENTIFIER) {
            return "token '\"" + clip(text) + "\"'";
        } else if (isReserved()) {
            return "reserved word '" + text + "'";
        }
        return "token '" + clip(text) + "'";
    }

    /** Long texts are cut in messages. */
    static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
