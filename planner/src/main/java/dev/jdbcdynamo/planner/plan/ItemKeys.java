package dev.jdbcdynamo.planner.plan;

import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.KeyType;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.KeyCodec;
import java.util.Map;

/**
 * DynamoDB's rules for primary keys (present, of the declared type, not empty, within 2048 and
 * 1024 bytes) and their order-preserving encoding into the {@code pk} and {@code sk} columns.
 */
public final class ItemKeys {
    static final int MAX_PARTITION_KEY_BYTES = 2048;
    static final int MAX_SORT_KEY_BYTES = 1024;
    private static final byte[] NO_SORT_KEY = new byte[0];

    private ItemKeys() {
    }

    /** An item's encoded primary key; {@code tag} is the partition key's type tag for the keyspace id. */
    public record KeyBytes(byte tag, byte[] pk, byte[] sk) {
    }

    /** The key of an item about to be written; every violation is DynamoDB's ValidationException. */
    public static KeyBytes ofItem(TableDef table, Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(table.partitionKey().name());
        AttributeValue sk = table.hasSortKey() ? item.get(table.sortKey().name()) : null;
        if (pk == null) {
            throw missing(table.partitionKey());
        }
        if (table.hasSortKey() && sk == null) {
            throw missing(table.sortKey());
        }
        return encode(table, pk, sk);
    }

    /**
     * DynamoDB's rules for the index keys an item carries: an attribute that is a key of an index
     * must have the index key's type and, for S and B, must not be empty.
     */
    public static void checkIndexKeys(TableDef table, Map<String, AttributeValue> item) {
        for (IndexDef index : table.indexes()) {
            checkIndexKey(index, index.partitionKey(), item, MAX_PARTITION_KEY_BYTES);
            if (index.sortKey() != null) {
                checkIndexKey(index, index.sortKey(), item, MAX_SORT_KEY_BYTES);
            }
        }
    }

    private static void checkIndexKey(IndexDef index, KeyAttribute key, Map<String, AttributeValue> item, int maxBytes) {
        AttributeValue value = item.get(key.name());
        if (value == null) {
            return;
        }
        if (!hasType(value, key.type())) {
            throw ErrorCode.VALIDATION.error("One or more parameter values were invalid: Type mismatch for Index Key");
        }
        if ((value instanceof AttributeValue.S s && s.value().isEmpty())
                || (value instanceof AttributeValue.B b && b.value().length() == 0)) {
            throw ErrorCode.VALIDATION.error("One or more parameter values are not valid. A value specified for a "
                    + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an "
                    + "empty string value. IndexName: " + index.name() + ", IndexKey: " + key.name());
        }
        // The index tables hold keys in the same columns as the base table: the same limits.
        if (KeyCodec.encode(value).length > maxBytes) {
            throw ErrorCode.KEY_TOO_LONG.error(maxBytes == MAX_PARTITION_KEY_BYTES
                    ? "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of 2048 bytes"
                    : "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
        }
    }

    /** The key named by a write's WHERE clause, with the same rules as an item's. */
    public static KeyBytes ofValues(TableDef table, AttributeValue pk, AttributeValue sk) {
        return encode(table, pk, sk);
    }

    /**
     * The key for a read (the partition alone when {@code sk} is null), or null when a value has
     * another type than the key (DynamoDB compares without coercion) or is longer than a key can be
     * (DynamoDB answers such a read with no item): either way the read matches no item.
     */
    public static KeyBytes forRead(TableDef table, AttributeValue pk, AttributeValue sk) {
        if (!hasType(pk, table.partitionKey().type()) || (sk != null && !hasType(sk, table.sortKey().type()))) {
            return null;
        }
        if (sk == null) {
            return new KeyBytes(KeyCodec.typeTag(pk), KeyCodec.encode(pk), NO_SORT_KEY);
        }
        if (KeyCodec.encode(pk).length > MAX_PARTITION_KEY_BYTES || KeyCodec.encode(sk).length > MAX_SORT_KEY_BYTES) {
            return null;
        }
        return encode(table, pk, sk);
    }

    /** The encoded sort-key bound of a range read, or null when its type cannot match the key. */
    public static byte[] sortBound(TableDef table, AttributeValue value) {
        return hasType(value, table.sortKey().type()) ? KeyCodec.encode(value) : null;
    }

    public static boolean hasType(AttributeValue value, KeyType type) {
        return value != null && value.type().equals(type.name());
    }

    private static KeyBytes encode(TableDef table, AttributeValue pk, AttributeValue sk) {
        byte[] pkBytes = encodeOne(table.partitionKey(), pk);
        if (pkBytes.length > MAX_PARTITION_KEY_BYTES) {
            throw ErrorCode.KEY_TOO_LONG.error("One or more parameter values were invalid: "
                    + "Size of hashkey has exceeded the maximum size limit of 2048 bytes");
        }
        byte[] skBytes = NO_SORT_KEY;
        if (table.hasSortKey()) {
            skBytes = encodeOne(table.sortKey(), sk);
            if (skBytes.length > MAX_SORT_KEY_BYTES) {
                throw ErrorCode.KEY_TOO_LONG.error("One or more parameter values were invalid: "
                        + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
            }
        }
        return new KeyBytes(KeyCodec.typeTag(pk), pkBytes, skBytes);
    }

    private static byte[] encodeOne(KeyAttribute key, AttributeValue value) {
        if (!hasType(value, key.type())) {
            throw ErrorCode.VALIDATION.error(
                    "Key attribute's data type should match its data type in table's schema: Key " + key.name());
        }
        if ((value instanceof AttributeValue.S s && s.value().isEmpty())
                || (value instanceof AttributeValue.B b && b.value().length() == 0)) {
            throw ErrorCode.EMPTY_KEY.error(key.name());
        }
        return KeyCodec.encode(value);
    }

    private static RuntimeException missing(KeyAttribute key) {
        return ErrorCode.VALIDATION.error("Key attribute should be present in the item: Key " + key.name());
    }
}
