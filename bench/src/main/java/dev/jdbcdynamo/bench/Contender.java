package dev.jdbcdynamo.bench;

import java.sql.SQLException;

/** A system under test: it loads the dataset once and opens one session per benchmark thread. */
interface Contender extends AutoCloseable {

    /** The column name in the results. */
    String name();

    /** Why this contender has no number for {@code op} ("not supported yet", ...), or null when it runs it. */
    String skipReason(Operation op);

    /**
     * A session for one thread: its own connections and prepared statements, reused for every
     * call. {@code id} is unique in the run: it seeds the session's key choices and names its new items.
     */
    Session open(int id) throws SQLException;

    @Override
    void close() throws SQLException;

    /** One thread's handle on a contender; not thread-safe. */
    interface Session extends AutoCloseable {

        /** Runs {@code op} once on keys the session picks, checking the answer. */
        void run(Operation op) throws SQLException;

        @Override
        void close() throws SQLException;
    }
}
