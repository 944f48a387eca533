package dev.jdbcdynamo.sharding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.assertj.core.data.Offset;

/** Property tests of the ring: balance, minimal movement, determinism, text round trip. */
class HashRingPropertyTest {
    private static final int KIDS = 100_000;
    private static final HashRing FOUR = HashRing.of(List.of("ds_0", "ds_1", "ds_2", "ds_3"));

    @Property(tries = 10)
    void fourShardsEachOwnAQuarterOfRandomKidsWithin15Percent(@ForAll Random random) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < KIDS; i++) {
            counts.merge(FOUR.shardFor(random.nextLong()), 1, Integer::sum);
        }
        assertThat(counts).containsOnlyKeys(FOUR.shards());
        for (int count : counts.values()) {
            assertThat(count).isBetween((int) (KIDS / 4 * 0.85), (int) (KIDS / 4 * 1.15));
        }
    }

    @Property(tries = 10)
    void addingAFifthShardMovesAboutAFifthOfTheKidsAndOnlyToTheNewShard(@ForAll Random random) {
        HashRing five = FOUR.withShard("ds_4");
        int moved = 0;
        for (int i = 0; i < KIDS; i++) {
            long kid = random.nextLong();
            String before = FOUR.shardFor(kid);
            String after = five.shardFor(kid);
            if (!before.equals(after)) {
                assertThat(after).isEqualTo("ds_4");
                moved++;
            }
        }
        assertThat((double) moved / KIDS).isBetween(0.2 * 0.85, 0.2 * 1.15);
        List<RangeMove> moves = FOUR.movesTo(five);
        assertThat(moves).allSatisfy(move -> assertThat(move.toShard()).isEqualTo("ds_4"));
        double movedShare = moves.stream().mapToDouble(RangeMove::fractionOfKeyspace).sum();
        assertThat(movedShare).isCloseTo((double) moved / KIDS, Offset.offset(0.01));
    }

    @Property(tries = 30)
    void removingAShardMovesOnlyItsKids(@ForAll("rings") HashRing ring, @ForAll Random random) {
        if (ring.shards().size() < 2) {
            return;
        }
        String gone = ring.shards().get(random.nextInt(ring.shards().size()));
        HashRing smaller = ring.withoutShard(gone);
        for (int i = 0; i < 2_000; i++) {
            long kid = random.nextLong();
            if (!ring.shardFor(kid).equals(smaller.shardFor(kid))) {
                assertThat(ring.shardFor(kid)).isEqualTo(gone);
            }
        }
        assertThat(ring.movesTo(smaller)).allSatisfy(move -> assertThat(move.fromShard()).isEqualTo(gone));
    }

    @Property(tries = 50)
    void movesListExactlyTheKidsThatChangeOwner(@ForAll("rings") HashRing before, @ForAll("rings") HashRing after, @ForAll Random random) {
        List<RangeMove> moves = before.movesTo(after);
        for (int i = 1; i < moves.size(); i++) {
            assertThat(moves.get(i).firstKid()).isGreaterThan(moves.get(i - 1).lastKid());
        }
        List<Long> probes = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L));
        for (int i = 0; i < 500; i++) {
            probes.add(random.nextLong());
        }
        for (RangeMove move : moves) {
            probes.add(move.firstKid());
            probes.add(move.lastKid());
        }
        for (long kid : probes) {
            RangeMove covering = covering(moves, kid);
            if (before.shardFor(kid).equals(after.shardFor(kid))) {
                assertThat(covering).isNull();
            } else {
                assertThat(covering).isNotNull();
                assertThat(covering.fromShard()).isEqualTo(before.shardFor(kid));
                assertThat(covering.toShard()).isEqualTo(after.shardFor(kid));
            }
        }
    }

    /** The move whose range holds {@code kid}, or null; the moves are sorted and disjoint. */
    private static RangeMove covering(List<RangeMove> moves, long kid) {
        int low = 0;
        int high = moves.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            RangeMove move = moves.get(middle);
            if (kid < move.firstKid()) {
                high = middle - 1;
            } else if (kid > move.lastKid()) {
                low = middle + 1;
            } else {
                return move;
            }
        }
        return null;
    }

    @Property(tries = 50)
    void theRingDependsOnlyOnTheSetOfShardsAndVirtualNodes(@ForAll("rings") HashRing ring, @ForAll Random random) {
        List<String> shuffled = new ArrayList<>(ring.shards());
        Collections.shuffle(shuffled, random);
        HashRing rebuilt = HashRing.of(shuffled, ring.virtualNodes());
        assertThat(rebuilt).isEqualTo(ring);
        for (int i = 0; i < 1_000; i++) {
            long kid = random.nextLong();
            assertThat(rebuilt.shardFor(kid)).isEqualTo(ring.shardFor(kid));
        }
    }

    @Property(tries = 100)
    void textRoundTrip(@ForAll("rings") HashRing ring) {
        HashRing parsed = HashRing.parse(ring.toText());
        assertThat(parsed).isEqualTo(ring);
        assertThat(parsed.toText()).isEqualTo(ring.toText());
        assertThat(parsed.shardFor(42L)).isEqualTo(ring.shardFor(42L));
    }

    @Property(tries = 200)
    void shardForIsTheOwnerOfTheFirstVirtualNodeAtOrAboveTheKid(@ForAll("rings") HashRing ring, @ForAll long kid) {
        long best = 0;
        String bestShard = null;
        long lowest = 0;
        String lowestShard = null;
        for (String shard : ring.shards()) {
            for (int i = 0; i < ring.virtualNodes(); i++) {
                long point = HashRing.pointOf(shard, i);
                if (point >= kid && (bestShard == null || point < best)) {
                    best = point;
                    bestShard = shard;
                }
                if (lowestShard == null || point < lowest) {
                    lowest = point;
                    lowestShard = shard;
                }
            }
        }
        assertThat(ring.shardFor(kid)).isEqualTo(bestShard != null ? bestShard : lowestShard);
    }

    @Property(tries = 300)
    void shardsForARangeAreTheOwnersOfItsKids(@ForAll("rings") HashRing ring, @ForAll @IntRange(max = 10_000) int node,
            @ForAll @LongRange(min = -3, max = 3) long before, @ForAll @LongRange(min = 0, max = 6) long length) {
        // Ranges around a virtual node's point, where the owner changes, enumerated kid by kid.
        String shard = ring.shards().get(node % ring.shards().size());
        long from = HashRing.pointOf(shard, node % ring.virtualNodes()) + before;
        long to = from + length;
        if (to < from) {
            return;
        }
        Set<String> owners = new TreeSet<>();
        for (long kid = from; kid <= to && kid >= from; kid++) {
            owners.add(ring.shardFor(kid));
        }
        assertThat(new TreeSet<>(ring.shardsFor(from, to))).isEqualTo(owners);
    }

    @Property(tries = 100)
    void wideRangesCoverTheOwnersOfTheirEnds(@ForAll("rings") HashRing ring, @ForAll long a, @ForAll long b) {
        long from = Math.min(a, b);
        long to = Math.max(a, b);
        assertThat(ring.shardsFor(from, to)).contains(ring.shardFor(from), ring.shardFor(to));
        assertThat(ring.shardsFor(Long.MIN_VALUE, Long.MAX_VALUE)).containsExactlyElementsOf(ring.shards());
    }

    @Provide
    Arbitrary<HashRing> rings() {
        Arbitrary<String> names = Arbitraries.of("ds", "shard", "a", "b-1", "Z9").flatMap(
                prefix -> Arbitraries.integers().between(0, 99).map(n -> prefix + "_" + n));
        return Combinators.combine(names.set().ofMinSize(1).ofMaxSize(10), Arbitraries.integers().between(1, 160))
                .as(HashRing::of);
    }
}
