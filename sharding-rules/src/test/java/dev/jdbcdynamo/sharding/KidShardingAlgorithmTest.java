package dev.jdbcdynamo.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.Range;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.apache.shardingsphere.infra.datanode.DataNodeInfo;
import org.apache.shardingsphere.infra.spi.type.typed.TypedSPILoader;
import org.apache.shardingsphere.sharding.algorithm.sharding.classbased.ClassBasedShardingAlgorithm;
import org.apache.shardingsphere.sharding.api.sharding.standard.PreciseShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.RangeShardingValue;
import org.apache.shardingsphere.sharding.api.sharding.standard.StandardShardingAlgorithm;
import org.apache.shardingsphere.sharding.spi.ShardingAlgorithm;
import org.junit.jupiter.api.Test;

/** The kid algorithm, called directly and as ShardingSphere creates it (CLASS_BASED through its SPI). */
class KidShardingAlgorithmTest {
    private static final HashRing RING = HashRing.of(List.of("ds_0", "ds_1", "ds_2", "ds_3"));
    private static final List<String> TARGETS = RING.shards();
    private static final DataNodeInfo NODE_INFO = new DataNodeInfo("ds_", 1, '0');

    private static Properties classBasedProps(HashRing ring) {
        Properties props = new Properties();
        props.setProperty("strategy", "STANDARD");
        props.setProperty("algorithmClassName", KidShardingAlgorithm.class.getName());
        props.setProperty(KidShardingAlgorithm.RING_PROPERTY, ring.toText());
        return props;
    }

    private static KidShardingAlgorithm direct(HashRing ring) {
        KidShardingAlgorithm algorithm = new KidShardingAlgorithm();
        algorithm.init(classBasedProps(ring));
        return algorithm;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String precise(StandardShardingAlgorithm algorithm, Object value) {
        return algorithm.doSharding(TARGETS, new PreciseShardingValue("dt_1", "kid", NODE_INFO, (Comparable<?>) value));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Collection<String> range(StandardShardingAlgorithm algorithm, Range<?> range) {
        return algorithm.doSharding(TARGETS, new RangeShardingValue("dt_1", "kid", NODE_INFO, range));
    }

    @Test
    @SuppressWarnings("rawtypes")
    void shardingSphereCreatesItThroughClassBasedAndItRoutesByTheRing() {
        ShardingAlgorithm loaded = TypedSPILoader.getService(ShardingAlgorithm.class, "CLASS_BASED", classBasedProps(RING));
        assertThat(loaded).isInstanceOf(ClassBasedShardingAlgorithm.class);
        StandardShardingAlgorithm standard = (StandardShardingAlgorithm) loaded;
        Random random = new Random(7);
        for (int i = 0; i < 1_000; i++) {
            long kid = random.nextLong();
            assertThat(precise(standard, kid)).isEqualTo(RING.shardFor(kid));
        }
        assertThat(range(standard, Range.closed(Long.MIN_VALUE, Long.MAX_VALUE))).containsExactlyElementsOf(TARGETS);
    }

    @Test
    void acceptsEveryIntegerTypeShardingSphereMayPassWhenItFitsInALong() {
        KidShardingAlgorithm algorithm = direct(RING);
        assertThat(precise(algorithm, 7)).isEqualTo(RING.shardFor(7));
        assertThat(precise(algorithm, 7L)).isEqualTo(RING.shardFor(7));
        assertThat(precise(algorithm, BigInteger.valueOf(Long.MIN_VALUE))).isEqualTo(RING.shardFor(Long.MIN_VALUE));
        assertThat(precise(algorithm, new BigDecimal("42"))).isEqualTo(RING.shardFor(42));
    }

    @Test
    void refusesWhatIsNotALong() {
        KidShardingAlgorithm algorithm = direct(RING);
        assertThatThrownBy(() -> precise(algorithm, "42")).hasMessageContaining("must be a long, got java.lang.String 42");
        assertThatThrownBy(() -> precise(algorithm, BigInteger.ONE.shiftLeft(63))).hasMessageContaining("not a 64-bit integer");
        assertThatThrownBy(() -> precise(algorithm, new BigDecimal("1.5"))).hasMessageContaining("not a 64-bit integer");
        assertThatThrownBy(() -> range(algorithm, Range.atLeast("a"))).hasMessageContaining("must be a number");
    }

    @Test
    void rangesRouteToTheShardsOwningAnyOfTheirKids() {
        KidShardingAlgorithm algorithm = direct(RING);
        long kid = 987_654_321L;
        assertThat(range(algorithm, Range.closed(kid, kid))).containsExactly(RING.shardFor(kid));
        assertThat(range(algorithm, Range.closedOpen(kid, kid + 1))).containsExactly(RING.shardFor(kid));
        assertThat(range(algorithm, Range.openClosed(kid - 1, kid))).containsExactly(RING.shardFor(kid));
        assertThat(range(algorithm, Range.open(kid, kid + 1))).isEmpty();
        assertThat(range(algorithm, Range.greaterThan(Long.MAX_VALUE))).isEmpty();
        assertThat(range(algorithm, Range.lessThan(Long.MIN_VALUE))).isEmpty();
        assertThat(range(algorithm, Range.atLeast(Long.MAX_VALUE))).containsExactly(RING.shardFor(Long.MAX_VALUE));
        assertThat(range(algorithm, Range.all())).containsExactlyElementsOf(TARGETS);
        assertThat(range(algorithm, Range.closed(BigInteger.ONE.shiftLeft(70).negate(), BigInteger.ONE.shiftLeft(70))))
                .containsExactlyElementsOf(TARGETS);
        assertThat(range(algorithm, Range.closed(new BigDecimal("6.5"), new BigDecimal("7.5")))).containsExactly(RING.shardFor(7));
        assertThat(range(algorithm, Range.closed(3, 3))).containsExactly(RING.shardFor(3));
    }

    @Test
    void refusesAMissingRingAndARingThatNamesUnknownShards() {
        KidShardingAlgorithm uninitialised = new KidShardingAlgorithm();
        assertThatThrownBy(() -> uninitialised.init(new Properties())).hasMessageContaining("needs the property 'ring'");
        assertThatThrownBy(() -> precise(uninitialised, 1L)).hasMessageContaining("not initialised");
        KidShardingAlgorithm other = direct(HashRing.of(List.of("x_0", "x_1")));
        assertThatThrownBy(() -> precise(other, 1L)).isInstanceOf(IllegalStateException.class).hasMessageContaining("only has [ds_0");
        assertThat(direct(RING).ring()).isEqualTo(RING);
    }
}
