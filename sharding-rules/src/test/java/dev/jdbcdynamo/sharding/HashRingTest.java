package dev.jdbcdynamo.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples of the ring; the pinned routings guard the placement every stored row depends on. */
class HashRingTest {
    private static final HashRing FOUR = HashRing.of(List.of("ds_0", "ds_1", "ds_2", "ds_3"));

    @Test
    void pinnedRoutingsNeverChange() {
        assertThat(FOUR.shardFor(Long.MIN_VALUE)).isEqualTo("ds_1");
        assertThat(FOUR.shardFor(-1)).isEqualTo("ds_2");
        assertThat(FOUR.shardFor(0)).isEqualTo("ds_2");
        assertThat(FOUR.shardFor(Long.MAX_VALUE)).isEqualTo("ds_1");
        assertThat(FOUR.shardFor(-3866847307435599158L)).isEqualTo("ds_1");
        assertThat(FOUR.shardFor(4943864740760620945L)).isEqualTo("ds_3");
        assertThat(FOUR.withShard("ds_4").shardFor(Long.MIN_VALUE)).isEqualTo("ds_4");
    }

    @Test
    void canonicalText() {
        HashRing ring = HashRing.of(List.of("ds_1", "ds_0"));
        assertThat(ring.toText()).isEqualTo("ring:v1;hash=murmur3_x64_128_seed0_h1;vnodes=128;shards=ds_0,ds_1");
        assertThat(HashRing.of(List.of("b", "a-1"), 7).toText()).isEqualTo("ring:v1;hash=murmur3_x64_128_seed0_h1;vnodes=7;shards=a-1,b");
        assertThat(ring.shards()).containsExactly("ds_0", "ds_1");
        assertThat(ring).hasToString(ring.toText());
    }

    @Test
    void differentRingsHaveDifferentTexts() {
        assertThat(FOUR.withShard("ds_4").toText()).isNotEqualTo(FOUR.toText());
        assertThat(HashRing.of(FOUR.shards(), 64).toText()).isNotEqualTo(FOUR.toText());
        assertThat(HashRing.of(FOUR.shards(), 64)).isNotEqualTo(FOUR);
        assertThat(HashRing.of(List.of("ds_3", "ds_2", "ds_1", "ds_0"))).isEqualTo(FOUR).hasSameHashCodeAs(FOUR);
    }

    @Test
    void parseAcceptsOnlyTheCanonicalText() {
        assertThat(HashRing.parse(FOUR.toText())).isEqualTo(FOUR);
        String prefix = "ring:v1;hash=murmur3_x64_128_seed0_h1;vnodes=";
        assertThatThrownBy(() -> HashRing.parse(prefix + "128;shards=ds_1,ds_0")).hasMessageContaining("ascending order");
        assertThatThrownBy(() -> HashRing.parse(prefix + "128;shards=ds_0,ds_0")).hasMessageContaining("duplicate shard name");
        assertThatThrownBy(() -> HashRing.parse(prefix + "128;shards=ds_0,")).hasMessageContaining("invalid shard name ''");
        assertThatThrownBy(() -> HashRing.parse(prefix + "128;shards=")).hasMessageContaining("invalid shard name");
        assertThatThrownBy(() -> HashRing.parse(prefix + "0128;shards=ds_0")).hasMessageContaining("bad vnodes");
        assertThatThrownBy(() -> HashRing.parse(prefix + "5000;shards=ds_0")).hasMessageContaining("1..4096");
        assertThatThrownBy(() -> HashRing.parse(FOUR.toText().replace("ring:v1", "ring:v2"))).hasMessageContaining("expected");
        assertThatThrownBy(() -> HashRing.parse(" " + FOUR.toText())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HashRing.parse(FOUR.toText() + " ")).hasMessageContaining("invalid shard name 'ds_3 '");
    }

    @Test
    void invalidRingsAreRefused() {
        assertThatThrownBy(() -> HashRing.of(List.of())).hasMessageContaining("at least one shard");
        assertThatThrownBy(() -> HashRing.of(List.of("ds.0"))).hasMessageContaining("invalid shard name 'ds.0'");
        assertThatThrownBy(() -> HashRing.of(List.of("0ds"))).hasMessageContaining("invalid shard name");
        assertThatThrownBy(() -> HashRing.of(List.of("ds_0"), 0)).hasMessageContaining("1..4096");
        assertThatThrownBy(() -> FOUR.withShard("ds_0")).hasMessageContaining("already in the ring");
        assertThatThrownBy(() -> FOUR.withoutShard("ds_9")).hasMessageContaining("not in the ring");
        assertThatThrownBy(() -> HashRing.of(List.of("ds_0")).withoutShard("ds_0")).hasMessageContaining("at least one shard");
    }

    @Test
    void kidsAboveTheLastPointWrapAroundToTheFirst() {
        assertThat(FOUR.shardFor(Long.MAX_VALUE)).isEqualTo(FOUR.shardFor(Long.MIN_VALUE));
    }

    @Test
    void rangeLookups() {
        long kid = 123_456_789L;
        assertThat(FOUR.shardsFor(kid, kid)).containsExactly(FOUR.shardFor(kid));
        assertThat(FOUR.shardsFor(Long.MIN_VALUE, Long.MAX_VALUE)).containsExactly("ds_0", "ds_1", "ds_2", "ds_3");
        assertThat(FOUR.shardsFor(1, 0)).isEmpty();
        HashRing single = HashRing.of(List.of("only"));
        assertThat(single.shardsFor(Long.MIN_VALUE, Long.MAX_VALUE)).containsExactly("only");
        assertThat(single.shardFor(kid)).isEqualTo("only");
    }

    @Test
    void movesBetweenRings() {
        assertThat(FOUR.movesTo(FOUR)).isEmpty();
        List<RangeMove> moves = FOUR.movesTo(FOUR.withShard("ds_4"));
        assertThat(moves).isNotEmpty().allSatisfy(move -> assertThat(move.toShard()).isEqualTo("ds_4"));
        assertThat(moves.get(0).firstKid()).isEqualTo(Long.MIN_VALUE);
        double share = moves.stream().mapToDouble(RangeMove::fractionOfKeyspace).sum();
        assertThat(share).isBetween(0.17, 0.23);
        List<RangeMove> back = FOUR.withShard("ds_4").movesTo(FOUR);
        assertThat(back).hasSameSizeAs(moves);
        for (int i = 0; i < moves.size(); i++) {
            assertThat(back.get(i).firstKid()).isEqualTo(moves.get(i).firstKid());
            assertThat(back.get(i).lastKid()).isEqualTo(moves.get(i).lastKid());
            assertThat(back.get(i).toShard()).isEqualTo(moves.get(i).fromShard());
        }
    }

    @Test
    void rangeMoveFractions() {
        assertThat(new RangeMove(Long.MIN_VALUE, Long.MAX_VALUE, "a", "b").fractionOfKeyspace()).isEqualTo(1.0);
        assertThat(new RangeMove(0, Long.MAX_VALUE, "a", "b").fractionOfKeyspace()).isEqualTo(0.5);
        assertThatThrownBy(() -> new RangeMove(1, 0, "a", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RangeMove(0, 1, "a", "a")).isInstanceOf(IllegalArgumentException.class);
    }
}
