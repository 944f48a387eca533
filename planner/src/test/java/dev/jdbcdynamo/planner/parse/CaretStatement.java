package dev.jdbcdynamo.planner.parse;

/**
 * A statement written with its error position marked, {@code SELECT * ^FORM^ t}: the text without
 * the carets, and the 1-based line and column (in code points) of the first caret.
 */
record CaretStatement(String text, int line, int column) {

    static CaretStatement of(String marked) {
        int caret = marked.indexOf('^');
        if (caret < 0 || marked.indexOf('^', caret + 1) < 0) {
            throw new IllegalArgumentException("mark the error position as ^token^: " + marked);
        }
        String before = marked.substring(0, caret);
        int lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count()
                + (int) before.replace("\r\n", "\n").chars().filter(c -> c == '\r').count();
        int column = before.codePointCount(lineStart, before.length()) + 1;
        return new CaretStatement(marked.replace("^", ""), line, column);
    }
}
