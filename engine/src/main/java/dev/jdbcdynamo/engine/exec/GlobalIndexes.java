package dev.jdbcdynamo.engine.exec;

import java.sql.SQLException;

/** What the executor needs of global index maintenance (implemented by the database's GSI applier). */
public interface GlobalIndexes {
    /** No global index maintenance (nothing to wake, nothing to wait for). */
    GlobalIndexes NONE = new GlobalIndexes() {
        @Override
        public void written() {
        }

        @Override
        public void catchUp() {
        }
    };

    /** An item of a table with global indexes was written: changes are waiting in the log. */
    void written();

    /** Returns once every change committed before the call is in the global indexes. */
    void catchUp() throws SQLException;
}
