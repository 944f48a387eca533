package dev.jdbcdynamo.server;

import dev.jdbcdynamo.engine.Database;
import dev.jdbcdynamo.engine.config.DatabaseConfig;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's command line: {@code --port 8000}, {@code --embedded <dir>|mem:<name>},
 * {@code --config topology.yaml}, {@code --mysql host:port/db,...}, {@code --shards n},
 * {@code --auth off}.
 */
public final class ServerMain {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    public static void main(String[] args) {
        int port = 8000;
        Integer shards = null;
        boolean gsiReadYourWrites = false;
        DatabaseConfig.Location location = new DatabaseConfig.Directory("dynamo-data");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--embedded" -> location = embedded(require(args[i], value));
                case "--config" -> location = new DatabaseConfig.TopologyFile(require(args[i], value));
                case "--mysql" -> location = mysql(require(args[i], value));
                case "--shards" -> shards = Integer.parseInt(require(args[i], value));
                case "--gsi-read-your-writes" -> gsiReadYourWrites = Boolean.parseBoolean(require(args[i], value));
                case "--auth" -> {
                    if (!require(args[i], value).equals("off")) {
                        throw new IllegalArgumentException("--auth: only 'off' so far (SigV4 verification is not built yet)");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: --port 8000 [--embedded <dir>|mem:<name> | --config topology.yaml"
                        + " | --mysql host:port/db,...] [--shards n] [--gsi-read-your-writes true] [--auth off]");
            }
            i++;
        }
        DatabaseConfig config = DatabaseConfig.of(location);
        if (shards != null) {
            config = config.withShards(shards);
        }
        Database database = Database.open(config);
        DynamoHttpServer server = DynamoHttpServer.start(database, port,
                2 * Runtime.getRuntime().availableProcessors() + 8, gsiReadYourWrites);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // SIGTERM: refuse new requests (503), let those in flight finish. The database is not
            // closed here: the embedded MariaDB stops in its own shutdown hook, and a pool closing
            // against a stopped server only waits; an unfinished transaction is the engine's
            // recovery's, as after any crash.
            server.stop(10);
            LOG.info("jdbc:dynamo DynamoDB API stopped");
        }, "jdbc-dynamo-server-shutdown"));
        LOG.info("jdbc:dynamo DynamoDB API ready at {} on {}", server.url(), location);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static DatabaseConfig.Location embedded(String value) {
        return value.startsWith("mem:") ? new DatabaseConfig.Mem(value.substring(4)) : new DatabaseConfig.Directory(value);
    }

    private static DatabaseConfig.Location mysql(String value) {
        List<DatabaseConfig.ShardAddress> servers = new ArrayList<>();
        for (String shard : value.split(",")) {
            String[] hostRest = shard.split(":", 2);
            String[] portDb = hostRest[1].split("/", 2);
            servers.add(new DatabaseConfig.ShardAddress(hostRest[0], Integer.parseInt(portDb[0]), portDb[1]));
        }
        return new DatabaseConfig.MySql(servers);
    }
}
