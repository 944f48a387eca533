package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.PhysicalSql.Bound;
import dev.jdbcdynamo.planner.path.SortRange;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.sharding.KeyspaceId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * A sort-key range over the encoded {@code sk} bytes: null bounds are open. A prefix
 * ({@code begins_with}) is the range [prefix, the next prefix).
 */
record ByteRange(byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive) {
    static final ByteRange ALL = new ByteRange(null, false, null, false);

    /** The byte range of a sort range for these parameters, or null when it can match nothing. */
    static ByteRange of(TableDef table, SortRange range, List<AttributeValue> params) {
        ByteRange result = ALL;
        if (range.lower() != null) {
            byte[] b = ItemKeys.sortBound(table, StatementKeys.resolve(range.lower(), params));
            if (b == null) {
                return null;
            }
            result = result.withLower(b, range.lowerInclusive());
        }
        if (range.upper() != null) {
            byte[] b = ItemKeys.sortBound(table, StatementKeys.resolve(range.upper(), params));
            if (b == null) {
                return null;
            }
            result = result.withUpper(b, range.upperInclusive());
        }
        if (range.prefix() != null) {
            AttributeValue prefix = StatementKeys.resolve(range.prefix(), params);
            boolean prefixable = prefix instanceof AttributeValue.S || prefix instanceof AttributeValue.B;
            byte[] b = prefixable ? ItemKeys.sortBound(table, prefix) : null;
            if (b == null) {
                return null;
            }
            result = result.withLower(b, true);
            byte[] next = successor(b);
            if (next != null) {
                result = result.withUpper(next, false);
            }
        }
        return result;
    }

    /** The smallest byte string greater than every string with this prefix, or null if none. */
    static byte[] successor(byte[] prefix) {
        byte[] next = prefix.clone();
        for (int i = next.length - 1; i >= 0; i--) {
            if (next[i] != (byte) 0xFF) {
                next[i]++;
                return Arrays.copyOf(next, i + 1);
            }
        }
        return null;
    }

    /** Narrows the lower bound (keeps the larger one). */
    private ByteRange withLower(byte[] b, boolean inclusive) {
        if (lower == null) {
            return new ByteRange(b, inclusive, upper, upperInclusive);
        }
        int cmp = Arrays.compareUnsigned(b, lower);
        if (cmp > 0 || (cmp == 0 && !inclusive)) {
            return new ByteRange(b, inclusive, upper, upperInclusive);
        }
        return this;
    }

    /** Narrows the upper bound (keeps the smaller one). */
    private ByteRange withUpper(byte[] b, boolean inclusive) {
        if (upper == null) {
            return new ByteRange(lower, lowerInclusive, b, inclusive);
        }
        int cmp = Arrays.compareUnsigned(b, upper);
        if (cmp < 0 || (cmp == 0 && !inclusive)) {
            return new ByteRange(lower, lowerInclusive, b, inclusive);
        }
        return this;
    }

    Bound lowerBound() {
        return lower == null ? Bound.NONE : lowerInclusive ? Bound.INCLUSIVE : Bound.EXCLUSIVE;
    }

    Bound upperBound() {
        return upper == null ? Bound.NONE : upperInclusive ? Bound.INCLUSIVE : Bound.EXCLUSIVE;
    }

    /**
     * Binds a keyed range statement's parameters in the order {@code PhysicalSql}'s query forms
     * take them: the partition's {@code kid} and encoded key, then the bounds this range has.
     */
    void bind(PreparedStatement ps, ItemKeys.KeyBytes key) throws SQLException {
        int i = 1;
        ps.setLong(i++, KeyspaceId.of(key.tag(), key.pk()));
        ps.setBytes(i++, key.pk());
        if (lower != null) {
            ps.setBytes(i++, lower);
        }
        if (upper != null) {
            ps.setBytes(i, upper);
        }
    }
}
