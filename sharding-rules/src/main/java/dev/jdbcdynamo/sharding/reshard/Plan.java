package dev.jdbcdynamo.sharding.reshard;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.sharding.HashRing;
import dev.jdbcdynamo.sharding.RangeMove;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A resharding's rings and the ranges that change owner between them. */
record Plan(HashRing from, HashRing to, List<RangeMove> moves) {
    Plan {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        moves = List.copyOf(moves);
    }

    /** Shards that give ranges away, in ring order. */
    List<String> sources() {
        Set<String> result = new LinkedHashSet<>();
        for (String shard : from.shards()) {
            if (moves.stream().anyMatch(m -> m.fromShard().equals(shard))) {
                result.add(shard);
            }
        }
        return List.copyOf(result);
    }

    List<RangeMove> movesFrom(String source) {
        return moves.stream().filter(m -> m.fromShard().equals(source)).toList();
    }

    /** Shards in the new ring only. */
    List<String> added() {
        List<String> result = new ArrayList<>(to.shards());
        result.removeAll(from.shards());
        return result;
    }

    /** Shards of either ring. */
    List<String> all() {
        Set<String> result = new LinkedHashSet<>(from.shards());
        result.addAll(to.shards());
        return List.copyOf(result);
    }
}
