package dev.jdbcdynamo.planner.parse;

import dev.jdbcdynamo.planner.ast.Pos;
import dev.jdbcdynamo.planner.error.DynamoException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits statement text into {@link Token}s, skipping white space and {@code --} and
 * {@code /* *}{@code /} comments; the list always ends with one {@link TokenKind#END} token.
 */
final class Lexer {
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int index;
    private int line = 1;
    private int column = 1;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokenize(String text) {
        Lexer lexer = new Lexer(text);
        lexer.run();
        return lexer.tokens;
    }

    /** The line and column of a character of {@code text}, counted as the lexer counts them. */
    static Pos positionAt(String text, int offset) {
        Lexer lexer = new Lexer(text);
        while (lexer.index < Math.min(offset, text.length())) {
            lexer.advance();
        }
        return new Pos(lexer.line, lexer.column, 1);
    }

    private void run() {
        while (true) {
            skipSpaceAndComments();
            if (index >= text.length()) {
                tokens.add(new Token(TokenKind.END, "", index, index, line, column, 0));
                return;
            }
            scanToken();
        }
    }

    private void skipSpaceAndComments() {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\ufeff') {
                advance();
            } else if (c == '-' && peekChar(1) == '-') {
                while (index < text.length() && text.charAt(index) != '\n' && text.charAt(index) != '\r') {
                    advance();
                }
            } else if (c == '/' && peekChar(1) == '*') {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() {
        int startLine = line;
        int startColumn = column;
        advance();
        advance();
        while (index < text.length()) {
            if (text.charAt(index) == '*' && peekChar(1) == '/') {
                advance();
                advance();
                return;
            }
            advance();
        }
        throw DynamoException.syntax("Unterminated comment '/*'", startLine, startColumn);
    }

    private void scanToken() {
        char c = text.charAt(index);
        if (isIdentifierStart(c)) {
            scanWord();
        } else if (isDigit(c) || c == '.' && isDigit(peekChar(1))) {
            scanNumber();
        } else if (c == '\'') {
            scanQuoted('\'', TokenKind.STRING, "Unterminated string literal");
        } else if (c == '"') {
            scanQuoted('"', TokenKind.QUOTED_IDENTIFIER, "Unterminated quoted identifier");
        } else {
            scanSymbol(c);
        }
    }

    private void scanWord() {
        int start = index;
        int startLine = line;
        int startColumn = column;
        while (index < text.length() && isIdentifierPart(text.charAt(index))) {
            advance();
        }
        emit(TokenKind.IDENTIFIER, text.substring(start, index), start, startLine, startColumn);
    }

    private void scanNumber() {
        int start = index;
        int startLine = line;
        int startColumn = column;
        skipDigits();
        if (peekChar(0) == '.') {
            advance();
            skipDigits();
        }
        if (peekChar(0) == 'e' || peekChar(0) == 'E') {
            advance();
            if (peekChar(0) == '+' || peekChar(0) == '-') {
                advance();
            }
            if (!isDigit(peekChar(0))) {
                throw malformedNumber(start, startLine, startColumn);
            }
            skipDigits();
        }
        char next = peekChar(0);
        if (isIdentifierPart(next) || next == '.') {
            throw malformedNumber(start, startLine, startColumn);
        }
        emit(TokenKind.NUMBER, text.substring(start, index), start, startLine, startColumn);
    }

    private DynamoException malformedNumber(int start, int startLine, int startColumn) {
        int end = index;
        while (end < text.length() && (isIdentifierPart(text.charAt(end)) || text.charAt(end) == '.')) {
            end++;
        }
        return DynamoException.syntax("Malformed number '" + Token.clip(text.substring(start, end)) + "'",
                startLine, startColumn);
    }

    /** Strings ({@code 'it''s'}) and quoted identifiers ({@code "a""b"}): a doubled quote is a quote. */
    private void scanQuoted(char quote, TokenKind kind, String unterminated) {
        int start = index;
        int startLine = line;
        int startColumn = column;
        advance();
        StringBuilder content = new StringBuilder();
        while (true) {
            if (index >= text.length()) {
                throw DynamoException.syntax(unterminated, startLine, startColumn);
            }
            char c = text.charAt(index);
            if (c == quote) {
                advance();
                if (peekChar(0) != quote) {
                    break;
                }
            }
            content.append(c);
            advance();
        }
        Token token = new Token(kind, content.toString(), start, index, startLine, startColumn,
                text.codePointCount(start, index));
        tokens.add(token);
    }

    private void scanSymbol(char c) {
        int start = index;
        int startLine = line;
        int startColumn = column;
        TokenKind kind = symbolKind(c, peekChar(1));
        if (kind == null) {
            int codePoint = text.codePointAt(index);
            String shown = Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                    ? String.format("U+%04X", codePoint) : "'" + new String(Character.toChars(codePoint)) + "'";
            throw DynamoException.syntax("Unexpected character " + shown, line, column);
        }
        advance();
        if (isTwoCharacters(kind)) {
            advance();
        }
        emit(kind, text.substring(start, index), start, startLine, startColumn);
    }

    /** The token a symbol starts, two characters at most; null for a character PartiQL does not use. */
    private static TokenKind symbolKind(char c, char next) {
        switch (c) {
            case '(': return TokenKind.LEFT_PAREN;
            case ')': return TokenKind.RIGHT_PAREN;
            case '[': return TokenKind.LEFT_BRACKET;
            case ']': return TokenKind.RIGHT_BRACKET;
            case '{': return TokenKind.LEFT_BRACE;
            case '}': return TokenKind.RIGHT_BRACE;
            case ',': return TokenKind.COMMA;
            case '.': return TokenKind.DOT;
            case ':': return TokenKind.COLON;
            case ';': return TokenKind.SEMICOLON;
            case '*': return TokenKind.STAR;
            case '+': return TokenKind.PLUS;
            case '-': return TokenKind.MINUS;
            case '/': return TokenKind.SLASH;
            case '%': return TokenKind.PERCENT;
            case '?': return TokenKind.PARAMETER;
            case '=': return TokenKind.EQ;
            case '|': return next == '|' ? TokenKind.CONCAT : null;
            case '!': return next == '=' ? TokenKind.NE : null;
            case '<': return next == '<' ? TokenKind.LEFT_BAG : next == '=' ? TokenKind.LE
                    : next == '>' ? TokenKind.NE : TokenKind.LT;
            case '>': return next == '>' ? TokenKind.RIGHT_BAG : next == '=' ? TokenKind.GE : TokenKind.GT;
            default: return null;
        }
    }

    private static boolean isTwoCharacters(TokenKind kind) {
        return kind == TokenKind.LEFT_BAG || kind == TokenKind.RIGHT_BAG || kind == TokenKind.LE
                || kind == TokenKind.GE || kind == TokenKind.NE || kind == TokenKind.CONCAT;
    }

    private void emit(TokenKind kind, String source, int start, int startLine, int startColumn) {
        tokens.add(new Token(kind, source, start, index, startLine, startColumn, text.codePointCount(start, index)));
    }

    private void skipDigits() {
        while (isDigit(peekChar(0))) {
            advance();
        }
    }

    private char peekChar(int ahead) {
        int at = index + ahead;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    /** Moves one code point on, keeping line and column; CR LF, LF and a lone CR each end a line. */
    private void advance() {
        char c = text.charAt(index);
        if (c == '\n' || c == '\r' && peekChar(1) != '\n') {
            line++;
            column = 1;
        } else if (c != '\r' && !Character.isLowSurrogate(c)) {
            column++;
        }
        index++;
    }

    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
