package dev.jdbcdynamo.sharding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashRingOwnershipTest {
    @Test
    void sharesAddUpToOneAndMatchTheMovesOfAJoiningShard() {
        HashRing three = HashRing.of(List.of("s0", "s1", "s2"));
        HashRing four = three.withShard("s3");
        Map<String, HashRing.Ownership> owned = four.ownership();
        assertThat(owned.keySet()).containsExactly("s0", "s1", "s2", "s3");
        assertThat(owned.values().stream().mapToDouble(HashRing.Ownership::keyspaceShare).sum()).isCloseTo(1.0, offset(1e-9));
        double moved = three.movesTo(four).stream().mapToDouble(RangeMove::fractionOfKeyspace).sum();
        // Everything that moves goes to the new shard, and the new shard gets nothing else.
        assertThat(owned.get("s3").keyspaceShare()).isCloseTo(moved, offset(1e-9));
        assertThat(owned.get("s3").ranges()).isEqualTo((int) three.movesTo(four).stream().count());
    }

    @Test
    void oneShardOwnsEverythingInOneRange() {
        HashRing.Ownership only = HashRing.of(List.of("a")).ownership().get("a");
        assertThat(only.ranges()).isEqualTo(1);
        assertThat(only.keyspaceShare()).isCloseTo(1.0, offset(1e-9));
    }
}
