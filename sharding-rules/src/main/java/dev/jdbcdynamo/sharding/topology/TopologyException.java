package dev.jdbcdynamo.sharding.topology;

/** A topology file that cannot be used: says where (file and line) and what is wrong. */
public final class TopologyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int line;

    TopologyException(String source, int line, String message) {
        super(source + (line > 0 ? " line " + line : "") + ": " + message);
        this.line = line;
    }

    /** The 1-based line of the problem, 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
