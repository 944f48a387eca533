package dev.jdbcdynamo.driver.config;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.engine.SessionOptions;
import dev.jdbcdynamo.engine.SqlExtension;
import dev.jdbcdynamo.engine.config.DatabaseConfig;
import dev.jdbcdynamo.engine.config.DatabaseConfig.ShardAddress;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.plan.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * A parsed {@code jdbc:dynamo:} URL. Forms:
 * <ul>
 *   <li>{@code jdbc:dynamo:mem:[name]} - in-memory, shared by the JVM's connections of that name,
 *       gone when the last one closes;</li>
 *   <li>{@code jdbc:dynamo:embedded:<directory>} - persistent embedded MariaDB in a directory;</li>
 *   <li>{@code jdbc:dynamo:mysql://host[:port]/db[,host[:port]/db...]} - existing MySQL or MariaDB
 *       databases, one per shard, in ring order; an IPv6 host goes in brackets ({@code [::1]:3306});</li>
 *   <li>{@code jdbc:dynamo:config=<path>} or {@code jdbc:dynamo:config=classpath:<resource>} - the
 *       servers a topology file (YAML) names: shards, replicas, pool sizes.</li>
 * </ul>
 * Any form may end in {@code ?key=value&...} (percent-encoded, a {@code +} is itself); URL
 * properties win over the Properties argument.
 */
public record DynamoUrl(Kind kind, String target, List<ShardAddress> servers, ConnectionSettings settings) {
    public static final String PREFIX = "jdbc:dynamo:";

    /** Where the shards live. */
    public enum Kind {
        MEM, EMBEDDED, MYSQL, CONFIG
    }

    public DynamoUrl {
        requireNonNull(kind, "kind is null");
        requireNonNull(target, "target is null");
        requireNonNull(settings, "settings is null");
        servers = List.copyOf(servers);
    }

    /** Whether the URL is one of this driver's (other drivers' URLs, and null, are not). */
    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    /** Parses a URL and its properties; any mistake is DynamoDB's INVALID_URL error (SQLState 08001). */
    public static DynamoUrl parse(String url, Properties info) {
        if (!accepts(url)) {
            throw invalid(url, "it must start with " + PREFIX);
        }
        String rest = url.substring(PREFIX.length());
        Map<String, String> props = new LinkedHashMap<>();
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                props.put(canonical(key), info.getProperty(key));
            }
        }
        int query = rest.indexOf('?');
        if (query >= 0) {
            parseQuery(url, rest.substring(query + 1), props);
            rest = rest.substring(0, query);
        }
        ConnectionSettings settings;
        try {
            settings = ConnectionSettings.parse(props);
        } catch (DynamoException e) {
            throw invalid(url, e.getMessage());
        }
        return new UrlTargets(url).parse(rest, settings);
    }

    /** The declared spelling of a known key, so that {@code SHARDS} and {@code shards} are one property. */
    private static String canonical(String key) {
        ConnectionProperty property = ConnectionProperty.byKey(key);
        return property == null ? key : property.key();
    }

    private static void parseQuery(String url, String query, Map<String, String> props) {
        Map<String, String> fromUrl = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw invalid(url, "expected key=value in the query, found '" + pair + "'");
            }
            String key = canonical(decode(url, pair.substring(0, eq)));
            String value = decode(url, pair.substring(eq + 1));
            if (fromUrl.put(key, value) != null) {
                throw invalid(url, "property " + key + " is given twice in the query");
            }
        }
        props.putAll(fromUrl);
    }

    /** Percent-decoding as RFC 3986 has it: a '+' stays a '+' (a password may hold one). */
    private static String decode(String url, String text) {
        try {
            return java.net.URLDecoder.decode(text.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(url, "bad percent-encoding in '" + text + "'");
        }
    }

    static DynamoException invalid(String url, String why) {
        return ErrorCode.INVALID_URL.error("Invalid jdbc:dynamo URL '" + redact(url) + "': " + why);
    }

    /** The URL without a password value. */
    public static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    public int shards() {
        return kind == Kind.MYSQL ? servers.size() : settings.integer(ConnectionProperty.SHARDS);
    }

    /** The engine's configuration of the database this URL names, with its connection properties. */
    public DatabaseConfig toConfig() {
        DatabaseConfig.Location location = switch (kind) {
            case MEM -> new DatabaseConfig.Mem(target);
            case EMBEDDED -> new DatabaseConfig.Directory(target);
            case MYSQL -> new DatabaseConfig.MySql(servers);
            case CONFIG -> new DatabaseConfig.TopologyFile(target);
        };
        Integer shardCount = settings.isGiven(ConnectionProperty.SHARDS) ? shards() : null;
        return new DatabaseConfig(location, shardCount, settings.integer(ConnectionProperty.POOL_SIZE),
                settings.integer(ConnectionProperty.CLOSE_DELAY), settings.string(ConnectionProperty.USER),
                settings.string(ConnectionProperty.PASSWORD), settings.integer(ConnectionProperty.RING_CHECK_MILLIS),
                settings.integer(ConnectionProperty.TX_RECOVERY_TIMEOUT),
                settings.integer(ConnectionProperty.TX_RECOVERY_INTERVAL));
    }

    /** The statement language of connections of this URL. */
    public Language language() {
        return Language.of(settings.string(ConnectionProperty.LANGUAGE));
    }

    /** The engine session options a connection of this URL has. */
    public SessionOptions sessionOptions(Function<DynamoDatabase, SqlExtension> sqlExtensions) {
        return new SessionOptions(language(), settings.optionalBool(ConnectionProperty.CONSISTENT_READ),
                settings.bool(ConnectionProperty.FULL_SCAN_GUARD),
                "ALL_OLD".equals(settings.string(ConnectionProperty.RETURN_VALUES_ON_CONDITION_CHECK_FAILURE)),
                settings.bool(ConnectionProperty.GSI_READ_YOUR_WRITES), sqlExtensions);
    }

    /** Parses the part between the prefix and the query into a URL of one of the forms. */
    private record UrlTargets(String url) {
        DynamoUrl parse(String rest, ConnectionSettings settings) {
            if (rest.startsWith("mem:")) {
                String name = rest.substring("mem:".length());
                if (!name.matches("[A-Za-z0-9_]*") || name.length() > 32) {
                    throw invalid(url, "an in-memory database name has at most 32 letters, digits or '_'");
                }
                return new DynamoUrl(Kind.MEM, name.isEmpty() ? "default" : name, List.of(), settings);
            }
            if (rest.startsWith("embedded:")) {
                String dir = rest.substring("embedded:".length());
                if (dir.isBlank()) {
                    throw invalid(url, "jdbc:dynamo:embedded: needs a directory, e.g. jdbc:dynamo:embedded:./data");
                }
                return new DynamoUrl(Kind.EMBEDDED, dir, List.of(), settings);
            }
            if (rest.startsWith("config=")) {
                String path = rest.substring("config=".length());
                if (path.isBlank() || path.equals("classpath:")) {
                    throw invalid(url, "jdbc:dynamo:config= needs a topology file, e.g. jdbc:dynamo:config=./topology.yaml");
                }
                return new DynamoUrl(Kind.CONFIG, path, List.of(), settings);
            }
            if (rest.startsWith("mysql://")) {
                String list = rest.substring("mysql://".length());
                List<ShardAddress> servers = new ArrayList<>();
                for (String part : list.split(",", -1)) {
                    servers.add(server(part.trim()));
                }
                return new DynamoUrl(Kind.MYSQL, list, servers, settings);
            }
            throw invalid(url, "expected mem:, embedded:<directory>, config=<topology file> or "
                    + "mysql://host:port/db[,host:port/db...] after " + PREFIX);
        }

        /** One shard: {@code host[:port]/database}, an IPv6 host in brackets (kept, as JDBC URLs write it). */
        private ShardAddress server(String part) {
            int slash = part.indexOf('/', part.startsWith("[") ? Math.max(part.indexOf(']'), 0) : 0);
            if (part.isEmpty() || slash <= 0 || slash == part.length() - 1) {
                throw invalid(url, "each shard is host[:port]/database, found '" + part + "'");
            }
            String hostPort = part.substring(0, slash);
            String database = part.substring(slash + 1);
            if (!database.matches("[A-Za-z0-9_$]+")) {
                throw invalid(url, "database names are letters, digits, '_' or '$', found '" + database + "'");
            }
            String host;
            String port = null;
            if (hostPort.startsWith("[")) {
                int close = hostPort.indexOf(']');
                if (close < 0 || !hostPort.substring(1, close).matches("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
                    throw invalid(url, "an IPv6 host is hex digits and ':' in brackets, found '" + hostPort + "'");
                }
                host = hostPort.substring(0, close + 1);
                String after = hostPort.substring(close + 1);
                if (!after.isEmpty()) {
                    if (!after.startsWith(":")) {
                        throw invalid(url, "expected ':port' after the IPv6 host in '" + part + "'");
                    }
                    port = after.substring(1);
                }
            } else {
                int colon = hostPort.indexOf(':');
                if (colon >= 0 && hostPort.indexOf(':', colon + 1) >= 0) {
                    throw invalid(url, "an IPv6 host goes in brackets ([::1]:3306), found '" + hostPort + "'");
                }
                host = colon < 0 ? hostPort : hostPort.substring(0, colon);
                port = colon < 0 ? null : hostPort.substring(colon + 1);
                if (host.isEmpty()) {
                    throw invalid(url, "missing host in '" + part + "'");
                }
                if (!host.matches("[A-Za-z0-9._-]+")) {
                    throw invalid(url, "a host name is letters, digits, '.', '-' or '_', found '" + host + "'");
                }
            }
            return new ShardAddress(host, port == null ? 3306 : port(part, port), database);
        }

        private int port(String part, String port) {
            if (!port.matches("[0-9]{1,5}")) {
                throw invalid(url, "bad port '" + port + "' in '" + part + "': a port is a number from 1 to 65535");
            }
            int value = Integer.parseInt(port);
            if (value < 1 || value > 65535) {
                throw invalid(url, "port " + value + " out of range in '" + part + "': a port is from 1 to 65535");
            }
            return value;
        }
    }
}
