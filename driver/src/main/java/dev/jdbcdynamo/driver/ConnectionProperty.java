package dev.jdbcdynamo.driver;

import java.sql.DriverPropertyInfo;
import java.util.Locale;
import java.util.Properties;

/**
 * Every connection property the driver understands, with its default, description and
 * choices; given in the URL query ({@code ?shards=4&language=partiql}) or as JDBC properties.
 */
public enum ConnectionProperty {
    USER("user", null, "User name for the MySQL/MariaDB shard servers (embedded mode: not needed)."),
    PASSWORD("password", null, "Password for the MySQL/MariaDB shard servers."),
    SHARDS("shards", "4", "Number of shard databases of an embedded or in-memory database (fixed when it is created)."),
    LANGUAGE("language", "sql", "Statement language: 'partiql' is exactly DynamoDB's PartiQL with its errors; "
            + "'sql' also accepts the SQL extensions for BI tools.", "sql", "partiql"),
    CLOSE_DELAY("closeDelay", "0", "Seconds an embedded or in-memory database stays open after its last "
            + "connection closes; -1 keeps it until the JVM exits."),
    POOL_SIZE("poolSize", "10", "Maximum physical connections per shard in the shared pool (transactions and batches have a second pool of this size)."),
    CONSISTENT_READ("consistentRead", "", "DynamoDB's ConsistentRead for SELECTs. Unset (the default): tables and "
            + "local indexes are read on each shard's primary, global indexes eventually consistently. true: as "
            + "DynamoDB's ConsistentRead=true (primaries; a global index read is DynamoDB's ValidationException). "
            + "false: reads outside transactions may go to a replica within the topology file's lag bound. Per "
            + "statement: Statement.unwrap(ConsistentReads.class).", "", "true", "false"),
    RING_CHECK_MILLIS("ringCheckMillis", "1000", "Milliseconds between checks of the ring stored in the shards, so "
            + "that a resharding is picked up without a restart; 0 turns the periodic check off (a fenced write "
            + "still checks)."),
    FULL_SCAN_GUARD("fullScanGuard", "false", "true: a statement that would read every shard (a Scan) fails with an "
            + "error naming the table and the missing key condition, like a DynamoDB role without dynamodb:Scan.",
            "false", "true"),
    RETURN_VALUES_ON_CONDITION_CHECK_FAILURE("returnValuesOnConditionCheckFailure", "NONE",
            "ALL_OLD returns the item as it was when a conditional write fails (DynamoDB's "
                    + "ReturnValuesOnConditionCheckFailure), through DynamoSqlException.oldItemJson().", "NONE", "ALL_OLD"),
    GSI_READ_YOUR_WRITES("gsiReadYourWrites", "false", "Beyond DynamoDB: true makes a read of a global index wait "
            + "until every write committed before it is in the index (global indexes are otherwise eventually "
            + "consistent, usually a few milliseconds behind).", "false", "true"),
    TX_RECOVERY_TIMEOUT("txRecoveryTimeout", "60", "Seconds after which a two-phase commit left prepared without a "
            + "decision (its client died) is rolled back by recovery."),
    TX_RECOVERY_INTERVAL("txRecoveryInterval", "10", "Seconds between two recovery passes over the shards' prepared "
            + "two-phase commits (0: only when a database opens).");

    private final String key;
    private final String defaultValue;
    private final String description;
    private final String[] choices;

    ConnectionProperty(String key, String defaultValue, String description, String... choices) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
        this.choices = choices;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** The value in {@code props}, else the default (may be null). */
    public String get(Properties props) {
        String value = props.getProperty(key);
        return value == null ? defaultValue : value;
    }

    public int getInt(Properties props) {
        String value = get(props);
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Property " + key + " must be an integer, not '" + value + "'");
        }
    }

    public String getLowerCase(Properties props) {
        String value = get(props);
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }

    /** The property as DBeaver and other tools show it. */
    public DriverPropertyInfo toDriverPropertyInfo(Properties props) {
        DriverPropertyInfo info = new DriverPropertyInfo(key, get(props));
        info.description = description;
        info.required = false;
        info.choices = choices.length == 0 ? null : choices.clone();
        return info;
    }

    public static ConnectionProperty byKey(String key) {
        for (ConnectionProperty p : values()) {
            if (p.key.equalsIgnoreCase(key)) {
                return p;
            }
        }
        return null;
    }
}
