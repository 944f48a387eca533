package dev.jdbcdynamo.driver.metadata;

import java.util.regex.Pattern;

/**
 * A DatabaseMetaData name pattern: {@code %} matches any run of characters, {@code _} any one,
 * and {@code \} (the search string escape) makes the next character literal; a null pattern
 * matches every name. Matching is case-sensitive because DynamoDB names are.
 */
final class NamePattern {
    static final String ESCAPE = "\\";
    private static final NamePattern ALL = new NamePattern(null);

    private final Pattern regex;

    private NamePattern(Pattern regex) {
        this.regex = regex;
    }

    static NamePattern of(String pattern) {
        if (pattern == null || pattern.equals("%")) {
            return ALL;
        }
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                flush(regex, literal);
                regex.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flush(regex, literal);
        return new NamePattern(Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    private static void flush(StringBuilder regex, StringBuilder literal) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    boolean matches(String name) {
        return regex == null || (name != null && regex.matcher(name).matches());
    }
}
