package dev.jdbcdynamo.sharding;

import com.google.common.collect.BoundType;
import com.google.common.collect.Range;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import org.apache.shardingsphere.sharding.api.sharding.standard.PreciseShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.RangeShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.StandardShardingAlgorithm;

/**
 * The ShardingSphere database-sharding algorithm on the {@code kid} column: routes by a {@link
 * HashRing} read from the init property {@value #RING_PROPERTY}.
 *
 * <p>ShardingSphere creates it through the {@code CLASS_BASED} algorithm type (props {@code
 * strategy=STANDARD}, {@code algorithmClassName=<this class>}), so it needs a public no-argument
 * constructor. The kid is bound as a Java {@code long}; literals ShardingSphere parsed from SQL
 * text may arrive as {@code Integer}, {@code Long} or {@code BigInteger}, all accepted when they
 * fit in 64 bits.
 */
public final class KidShardingAlgorithm implements StandardShardingAlgorithm<Long> {
    /** The init property holding {@link HashRing#toText()}. */
    public static final String RING_PROPERTY = "ring";

    private static final BigDecimal MIN_KID = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal MAX_KID = BigDecimal.valueOf(Long.MAX_VALUE);

    private volatile HashRing ring;

    public KidShardingAlgorithm() {
    }

    @Override
    public void init(Properties props) {
        String text = props.getProperty(RING_PROPERTY);
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("KidShardingAlgorithm needs the property '" + RING_PROPERTY + "' (HashRing.toText())");
        }
        ring = HashRing.parse(text);
    }

    /** The ring this algorithm routes by. */
    public HashRing ring() {
        return checkedRing();
    }

    @Override
    public String doSharding(Collection<String> availableTargetNames, PreciseShardingValue<Long> shardingValue) {
        Object value = shardingValue.getValue();
        String shard = checkedRing().shardFor(exactKid(value, shardingValue.getColumnName()));
        requireTarget(availableTargetNames, shard);
        return shard;
    }

    @Override
    public Collection<String> doSharding(Collection<String> availableTargetNames, RangeShardingValue<Long> shardingValue) {
        Range<?> range = shardingValue.getValueRange();
        String column = shardingValue.getColumnName();
        BigDecimal first = range.hasLowerBound() ? firstInside(range.lowerEndpoint(), range.lowerBoundType(), column) : MIN_KID;
        BigDecimal last = range.hasUpperBound() ? lastInside(range.upperEndpoint(), range.upperBoundType(), column) : MAX_KID;
        if (first.compareTo(last) > 0 || first.compareTo(MAX_KID) > 0 || last.compareTo(MIN_KID) < 0) {
            return List.of();
        }
        long from = first.max(MIN_KID).longValueExact();
        long to = last.min(MAX_KID).longValueExact();
        List<String> result = new ArrayList<>(checkedRing().shardsFor(from, to));
        for (String shard : result) {
            requireTarget(availableTargetNames, shard);
        }
        return result;
    }

    private HashRing checkedRing() {
        HashRing current = ring;
        if (current == null) {
            throw new IllegalStateException("KidShardingAlgorithm was not initialised with a ring");
        }
        return current;
    }

    private void requireTarget(Collection<String> availableTargetNames, String shard) {
        if (!availableTargetNames.contains(shard)) {
            throw new IllegalStateException("the ring names shard '" + shard + "' but ShardingSphere only has " + availableTargetNames
                    + "; ring: " + checkedRing().toText());
        }
    }

    static long exactKid(Object value, String column) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            try {
                return toBigDecimal(value).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("sharding value of '" + column + "' is not a 64-bit integer: " + value, e);
            }
        }
        throw new IllegalArgumentException("sharding value of '" + column + "' must be a long, got "
                + (value == null ? "null" : value.getClass().getName() + " " + value));
    }

    /** The smallest integer inside a lower bound. */
    private static BigDecimal firstInside(Object endpoint, BoundType type, String column) {
        BigDecimal bound = toBigDecimal(requireNumber(endpoint, column));
        return type == BoundType.CLOSED
                ? bound.setScale(0, RoundingMode.CEILING)
                : bound.setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE);
    }

    /** The largest integer inside an upper bound. */
    private static BigDecimal lastInside(Object endpoint, BoundType type, String column) {
        BigDecimal bound = toBigDecimal(requireNumber(endpoint, column));
        return type == BoundType.CLOSED
                ? bound.setScale(0, RoundingMode.FLOOR)
                : bound.setScale(0, RoundingMode.CEILING).subtract(BigDecimal.ONE);
    }

    private static Number requireNumber(Object value, String column) {
        if (value instanceof Number number) {
            return number;
        }
        throw new IllegalArgumentException("range bound of '" + column + "' must be a number, got "
                + (value == null ? "null" : value.getClass().getName() + " " + value));
    }

    private static BigDecimal toBigDecimal(Object number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(((Number) number).longValue());
        }
        return new BigDecimal(number.toString());
    }
}
