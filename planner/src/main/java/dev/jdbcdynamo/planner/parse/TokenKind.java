package dev.jdbcdynamo.planner.parse;

/** The kinds of token the lexer produces; keywords are {@link #IDENTIFIER}s told apart by the parser. */
enum TokenKind {
    IDENTIFIER("identifier"),
    QUOTED_IDENTIFIER("quoted identifier"),
    STRING("string literal"),
    NUMBER("number"),
    PARAMETER("'?'"),
    LEFT_PAREN("'('"),
    RIGHT_PAREN("')'"),
    LEFT_BRACKET("'['"),
    RIGHT_BRACKET("']'"),
    LEFT_BRACE("'{'"),
    RIGHT_BRACE("'}'"),
    LEFT_BAG("'<<'"),
    RIGHT_BAG("'>>'"),
    COMMA("','"),
    DOT("'.'"),
    COLON("':'"),
    SEMICOLON("';'"),
    STAR("'*'"),
    PLUS("'+'"),
    MINUS("'-'"),
    SLASH("'/'"),
    PERCENT("'%'"),
    CONCAT("'||'"),
    EQ("'='"),
    NE("'<>'"),
    LT("'<'"),
    LE("'<='"),
    GT("'>'"),
    GE("'>='"),
    END("end of statement");

    private final String display;

    TokenKind(String display) {
        this.display = display;
    }

    /** How an error message names this kind of token when it was expected. */
    String display() {
        return display;
    }
}
