package dev.jdbcdynamo.driver.config;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The connection properties of one connection, parsed and checked once when it opens: a value of
 * each known property (or its default), and the keys the driver did not know.
 */
public final class ConnectionSettings {
    private final Map<ConnectionProperty, Object> values;
    private final Map<ConnectionProperty, String> given;
    private final List<String> unknownKeys;

    private ConnectionSettings(Map<ConnectionProperty, Object> values, Map<ConnectionProperty, String> given,
                               List<String> unknownKeys) {
        this.values = values;
        this.given = given;
        this.unknownKeys = List.copyOf(unknownKeys);
    }

    /**
     * Parses the given properties (key to text, URL query and Properties already merged). An empty
     * value means the default. A value its property's type refuses is an error naming the
     * property, the value and what it accepts; an unknown key is kept for a warning, or is an
     * error under {@code strictProperties=true}.
     */
    public static ConnectionSettings parse(Map<String, String> properties) {
        Map<ConnectionProperty, Object> values = new EnumMap<>(ConnectionProperty.class);
        Map<ConnectionProperty, String> given = new EnumMap<>(ConnectionProperty.class);
        List<String> unknown = new ArrayList<>();
        properties.forEach((key, text) -> {
            ConnectionProperty property = ConnectionProperty.byKey(key);
            if (property == null) {
                unknown.add(key);
            } else if (text != null && !text.isBlank()) {
                given.put(property, text);
            }
        });
        for (ConnectionProperty property : ConnectionProperty.values()) {
            String text = given.get(property);
            if (text == null) {
                text = property.defaultText();
            }
            if (text == null) {
                continue;
            }
            Object value = property.type().parse(property.type() instanceof PropertyType.Text ? text : text.trim());
            if (value == null) {
                throw ErrorCode.INVALID_URL.error("Invalid value '" + text + "' of connection property "
                        + property.key() + ": it accepts " + property.type().accepted());
            }
            values.put(property, value);
        }
        ConnectionSettings settings = new ConnectionSettings(values, given, unknown);
        if (settings.bool(ConnectionProperty.STRICT_PROPERTIES) && !unknown.isEmpty()) {
            throw unknownError(unknown);
        }
        return settings;
    }

    private static DynamoException unknownError(List<String> unknown) {
        return ErrorCode.INVALID_URL.error("Unknown connection propert" + (unknown.size() == 1 ? "y " : "ies ")
                + String.join(", ", unknown) + " (strictProperties=true); known properties: " + knownKeys());
    }

    /** Every property key, for messages. */
    static String knownKeys() {
        List<String> keys = new ArrayList<>();
        for (ConnectionProperty p : ConnectionProperty.values()) {
            keys.add(p.key());
        }
        return String.join(", ", keys);
    }

    /** The keys given that the driver does not know (a warning each on the connection). */
    public List<String> unknownKeys() {
        return unknownKeys;
    }

    /** The warning text for an unknown key. */
    public static String unknownWarning(String key) {
        return "Unknown connection property '" + key + "' ignored; known properties: " + knownKeys();
    }

    /** Whether the property was given (not left to its default). */
    public boolean isGiven(ConnectionProperty property) {
        return given.containsKey(property);
    }

    /** The text given for a property, else its default text (may be null); for tools. */
    public String text(ConnectionProperty property) {
        String text = given.get(property);
        return text != null ? text : property.defaultText();
    }

    public int integer(ConnectionProperty property) {
        return (Integer) require(property, PropertyType.IntRange.class);
    }

    public boolean bool(ConnectionProperty property) {
        return (Boolean) require(property, PropertyType.Bool.class);
    }

    /** A boolean property that may be unset: null then. */
    public Boolean optionalBool(ConnectionProperty property) {
        checkType(property, PropertyType.Bool.class);
        return (Boolean) values.get(property);
    }

    /** A text or choice property's value (a choice as declared), or null when unset. */
    public String string(ConnectionProperty property) {
        if (property.type() instanceof PropertyType.IntRange || property.type() instanceof PropertyType.Bool) {
            throw new IllegalArgumentException(property.key() + " is not a text property");
        }
        return (String) values.get(property);
    }

    private Object require(ConnectionProperty property, Class<? extends PropertyType> type) {
        checkType(property, type);
        Object value = values.get(property);
        if (value == null) {
            throw new IllegalStateException(property.key() + " has no default");
        }
        return value;
    }

    private static void checkType(ConnectionProperty property, Class<? extends PropertyType> type) {
        if (!type.isInstance(property.type())) {
            throw new IllegalArgumentException(property.key() + " is not of type " + type.getSimpleName());
        }
    }
}
