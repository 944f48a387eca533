package dev.jdbcdynamo.driver;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.engine.SessionOptions;
import dev.jdbcdynamo.engine.SqlExtension;
import dev.jdbcdynamo.engine.config.DatabaseConfig.ShardAddress;
import dev.jdbcdynamo.engine.config.DatabaseConfig;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.plan.Language;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

/**
 * A parsed {@code jdbc:dynamo:} URL. Forms:
 * <ul>
 *   <li>{@code jdbc:dynamo:mem:[name]} - in-memory, shared by the JVM's connections of that name,
 *       gone when the last one closes;</li>
 *   <li>{@code jdbc:dynamo:embedded:<directory>} - persistent embedded MariaDB in a directory;</li>
 *   <li>{@code jdbc:dynamo:mysql://host[:port]/db[,host[:port]/db...]} - existing MySQL or MariaDB
 *       databases, one per shard, in ring order;</li>
 *   <li>{@code jdbc:dynamo:config=<path>} or {@code jdbc:dynamo:config=classpath:<resource>} - the
 *       servers a topology file (YAML) names: shards, replicas, pool sizes.</li>
 * </ul>
 * Any form may end in {@code ?key=value&...}; URL properties win over the Properties argument.
 */
public record DynamoUrl(Kind kind, String target, List<ShardAddress> servers, Properties properties) {
    public static final String PREFIX = "jdbc:dynamo:";

    /** Where the shards live. */
    public enum Kind {
        MEM, EMBEDDED, MYSQL, CONFIG
    }

    public DynamoUrl {
        requireNonNull(kind, "kind is null");
        requireNonNull(target, "target is null");
        servers = List.copyOf(servers);
    }

    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    public static DynamoUrl parse(String url, Properties info) {
        if (!accepts(url)) {
            throw invalid(url, "it must start with " + PREFIX);
        }
        String rest = url.substring(PREFIX.length());
        Properties props = new Properties();
        if (info != null) {
            info.stringPropertyNames().forEach(k -> props.setProperty(k, info.getProperty(k)));
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            parseQuery(url, rest.substring(query + 1), props);
            rest = rest.substring(0, query);
        }
        validateProperties(url, props);
        if (rest.startsWith("mem:")) {
            String name = rest.substring("mem:".length());
            if (!name.matches("[A-Za-z0-9_]*") || name.length() > 32) {
                throw invalid(url, "an in-memory database name has at most 32 letters, digits or '_'");
            }
            return new DynamoUrl(Kind.MEM, name.isEmpty() ? "default" : name, List.of(), props);
        }
        if (rest.startsWith("embedded:")) {
            String dir = rest.substring("embedded:".length());
            if (dir.isBlank()) {
                throw invalid(url, "jdbc:dynamo:embedded: needs a directory, e.g. jdbc:dynamo:embedded:./data");
            }
            return new DynamoUrl(Kind.EMBEDDED, dir, List.of(), props);
        }
        if (rest.startsWith("config=")) {
            String path = rest.substring("config=".length());
            if (path.isBlank() || path.equals("classpath:")) {
                throw invalid(url, "jdbc:dynamo:config= needs a topology file, e.g. jdbc:dynamo:config=./topology.yaml");
            }
            return new DynamoUrl(Kind.CONFIG, path, List.of(), props);
        }
        if (rest.startsWith("mysql://")) {
            String list = rest.substring("mysql://".length());
            List<ShardAddress> servers = new ArrayList<>();
            for (String part : list.split(",", -1)) {
                servers.add(parseServer(url, part.trim()));
            }
            return new DynamoUrl(Kind.MYSQL, list, servers, props);
        }
        throw invalid(url, "expected mem:, embedded:<directory>, config=<topology file> or mysql://host:port/db[,host:port/db...] after "
                + PREFIX);
    }

    private static ShardAddress parseServer(String url, String part) {
        int slash = part.indexOf('/');
        if (part.isEmpty() || slash <= 0 || slash == part.length() - 1) {
            throw invalid(url, "each shard is host[:port]/database, found '" + part + "'");
        }
        String hostPort = part.substring(0, slash);
        String database = part.substring(slash + 1);
        if (!database.matches("[A-Za-z0-9_$]+")) {
            throw invalid(url, "database names are letters, digits, '_' or '$', found '" + database + "'");
        }
        String host = hostPort;
        int port = 3306;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0) {
            host = hostPort.substring(0, colon);
            try {
                port = Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw invalid(url, "bad port in '" + part + "'");
            }
            if (port <= 0 || port > 65535) {
                throw invalid(url, "port out of range in '" + part + "'");
            }
        }
        if (host.isEmpty()) {
            throw invalid(url, "missing host in '" + part + "'");
        }
        return new ShardAddress(host, port, database);
    }

    private static void parseQuery(String url, String query, Properties props) {
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw invalid(url, "expected key=value in the query, found '" + pair + "'");
            }
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            ConnectionProperty property = ConnectionProperty.byKey(key);
            if (property == null) {
                throw invalid(url, "unknown property '" + key + "'");
            }
            props.setProperty(property.key(), value);
        }
    }

    private static void validateProperties(String url, Properties props) {
        try {
            int shards = ConnectionProperty.SHARDS.getInt(props);
            if (shards < 1 || shards > 256) {
                throw invalid(url, "shards must be between 1 and 256");
            }
            ConnectionProperty.CLOSE_DELAY.getInt(props);
            ConnectionProperty.POOL_SIZE.getInt(props);
        } catch (IllegalArgumentException e) {
            throw invalid(url, e.getMessage());
        }
        String language = ConnectionProperty.LANGUAGE.getLowerCase(props);
        if (!language.equals("sql") && !language.equals("partiql")) {
            throw invalid(url, "language must be 'sql' or 'partiql', not '" + language + "'");
        }
    }

    private static DynamoException invalid(String url, String why) {
        return ErrorCode.INVALID_URL.error("Invalid jdbc:dynamo URL '" + redact(url) + "': " + why);
    }

    /** The URL without a password value. */
    static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    public int shards() {
        return kind == Kind.MYSQL ? servers.size() : ConnectionProperty.SHARDS.getInt(properties);
    }

    /** A key naming the database this URL opens, shared by connections in one JVM. */
    public String databaseKey() {
        return kind + ":" + target;
    }

    /** The engine's configuration of the database this URL names, with its connection properties. */
    public DatabaseConfig toConfig() {
        DatabaseConfig.Location location = switch (kind) {
            case MEM -> new DatabaseConfig.Mem(target);
            case EMBEDDED -> new DatabaseConfig.Directory(target);
            case MYSQL -> new DatabaseConfig.MySql(servers);
            case CONFIG -> new DatabaseConfig.TopologyFile(target);
        };
        Integer shardCount = properties.getProperty(ConnectionProperty.SHARDS.key()) != null ? shards() : null;
        return new DatabaseConfig(location, shardCount, ConnectionProperty.POOL_SIZE.getInt(properties),
                ConnectionProperty.CLOSE_DELAY.getInt(properties), ConnectionProperty.USER.get(properties),
                ConnectionProperty.PASSWORD.get(properties), ConnectionProperty.RING_CHECK_MILLIS.getInt(properties),
                ConnectionProperty.TX_RECOVERY_TIMEOUT.getInt(properties),
                ConnectionProperty.TX_RECOVERY_INTERVAL.getInt(properties));
    }

    /** The engine session options a connection of this URL has. */
    SessionOptions sessionOptions(Function<DynamoDatabase, SqlExtension> sqlExtensions) {
        String consistent = ConnectionProperty.CONSISTENT_READ.getLowerCase(properties);
        return new SessionOptions(Language.of(ConnectionProperty.LANGUAGE.get(properties)),
                consistent == null || consistent.isEmpty() ? null : Boolean.valueOf(consistent),
                Boolean.parseBoolean(ConnectionProperty.FULL_SCAN_GUARD.get(properties)),
                "ALL_OLD".equalsIgnoreCase(ConnectionProperty.RETURN_VALUES_ON_CONDITION_CHECK_FAILURE.get(properties)),
                Boolean.parseBoolean(ConnectionProperty.GSI_READ_YOUR_WRITES.get(properties)), sqlExtensions);
    }
}
