package dev.jdbcdynamo.driver.config;

import dev.jdbcdynamo.driver.config.PropertyType.Bool;
import dev.jdbcdynamo.driver.config.PropertyType.Choice;
import dev.jdbcdynamo.driver.config.PropertyType.IntRange;
import dev.jdbcdynamo.driver.config.PropertyType.Text;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.DriverPropertyInfo;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Every connection property the driver understands, declared once with its type, default and
 * description; given in the URL query ({@code ?shards=4&language=partiql}) or as JDBC properties.
 */
public enum ConnectionProperty {
    USER("user", new Text(), null, "User name for the MySQL/MariaDB shard servers (embedded mode: not needed)."),
    PASSWORD("password", new Text(), null, "Password for the MySQL/MariaDB shard servers."),
    SHARDS("shards", new IntRange(1, 256), "4", "Number of shard databases of an embedded or in-memory database "
            + "(fixed when it is created)."),
    LANGUAGE("language", new Choice(List.of("sql", "partiql")), "sql", "Statement language: 'partiql' is exactly "
            + "DynamoDB's PartiQL with its errors; 'sql' also accepts the SQL extensions for BI tools."),
    CLOSE_DELAY("closeDelay", new IntRange(-1, Integer.MAX_VALUE), "0", "Seconds an embedded or in-memory "
            + "database stays open after its last connection closes; -1 keeps it until the JVM exits."),
    POOL_SIZE("poolSize", new IntRange(1, 1000), "10", "Maximum physical connections per shard in the shared pool "
            + "(transactions and batches have a second pool of this size)."),
    CONSISTENT_READ("consistentRead", new Bool(), null, "DynamoDB's ConsistentRead for SELECTs. Unset (the "
            + "default): tables and local indexes are read on each shard's primary, global indexes eventually "
            + "consistently. true: as DynamoDB's ConsistentRead=true (primaries; a global index read is DynamoDB's "
            + "ValidationException). false: reads outside transactions may go to a replica within the topology "
            + "file's lag bound. Per statement: Statement.unwrap(ConsistentReads.class)."),
    RING_CHECK_MILLIS("ringCheckMillis", new IntRange(0, Integer.MAX_VALUE), "1000", "Milliseconds between checks "
            + "of the ring stored in the shards, so that a resharding is picked up without a restart; 0 turns the "
            + "periodic check off (a fenced write still checks)."),
    FULL_SCAN_GUARD("fullScanGuard", new Bool(), "false", "true: a statement that would read every shard (a Scan) "
            + "fails with an error naming the table and the missing key condition, like a DynamoDB role without "
            + "dynamodb:Scan."),
    RETURN_VALUES_ON_CONDITION_CHECK_FAILURE("returnValuesOnConditionCheckFailure",
            new Choice(List.of("NONE", "ALL_OLD")), "NONE", "ALL_OLD returns the item as it was when a conditional "
            + "write fails (DynamoDB's ReturnValuesOnConditionCheckFailure), through DynamoSqlException.oldItemJson()."),
    GSI_READ_YOUR_WRITES("gsiReadYourWrites", new Bool(), "false", "Beyond DynamoDB: true makes a read of a "
            + "global index wait until every write committed before it is in the index (global indexes are "
            + "otherwise eventually consistent, usually a few milliseconds behind)."),
    TX_RECOVERY_TIMEOUT("txRecoveryTimeout", new IntRange(0, Integer.MAX_VALUE), "60", "Seconds after which a "
            + "two-phase commit left prepared without a decision (its client died) is rolled back by recovery."),
    TX_RECOVERY_INTERVAL("txRecoveryInterval", new IntRange(0, Integer.MAX_VALUE), "10", "Seconds between two "
            + "recovery passes over the shards' prepared two-phase commits (0: only when a database opens)."),
    STRICT_PROPERTIES("strictProperties", new Bool(), "false", "true: a property the driver does not know is an "
            + "error when the connection opens; false (the default): it is a warning on the connection "
            + "(Connection.getWarnings()).");

    private final String key;
    private final PropertyType type;
    private final String defaultText;
    private final String description;

    ConnectionProperty(String key, PropertyType type, String defaultText, String description) {
        this.key = key;
        this.type = type;
        this.defaultText = defaultText;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public PropertyType type() {
        return type;
    }

    /** The default as text, or null when the property is unset by default. */
    public String defaultText() {
        return defaultText;
    }

    public String description() {
        return description;
    }

    /** The property as DBeaver and other tools show it, with the value given (else the default). */
    DriverPropertyInfo toDriverPropertyInfo(String given) {
        DriverPropertyInfo info = new DriverPropertyInfo(key, given != null ? given : defaultText);
        info.description = description + (type instanceof Text ? "" : " Accepted: " + type.accepted() + ".");
        info.required = false;
        info.choices = type.choices().isEmpty() ? null : type.choices().toArray(String[]::new);
        return info;
    }

    /**
     * Every property as tools show it (DBeaver's driver dialog): the value given in the URL query
     * or {@code info}, else the default; a URL that does not parse shows the values of {@code info}.
     */
    public static DriverPropertyInfo[] driverPropertyInfo(String url, Properties info) {
        Map<String, String> given = new HashMap<>();
        if (info != null) {
            info.stringPropertyNames().forEach(k -> given.put(k.toLowerCase(Locale.ROOT), info.getProperty(k)));
        }
        int query = url == null ? -1 : url.indexOf('?');
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    try {
                        given.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT),
                                URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        // A half-typed URL: tools ask while the user types; show what parses.
                    }
                }
            }
        }
        ConnectionProperty[] all = values();
        DriverPropertyInfo[] out = new DriverPropertyInfo[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = all[i].toDriverPropertyInfo(given.get(all[i].key.toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** The property of a key, in any case, or null when the driver does not know it. */
    public static ConnectionProperty byKey(String key) {
        for (ConnectionProperty p : values()) {
            if (p.key.equalsIgnoreCase(key)) {
                return p;
            }
        }
        return null;
    }
}
