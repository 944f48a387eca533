package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.sharding.HashRing;
import java.util.ArrayList;
import java.util.List;

/** Says in words how a configured ring differs from the one stored in the shards. */
final class RingDifference {
    private RingDifference() {
    }

    /** e.g. {@code " (the stored ring also has ds_3, which the configuration lacks)"}, or "" when unreadable. */
    static String describe(String storedText, String configuredText) {
        HashRing stored;
        HashRing configured;
        try {
            stored = HashRing.parse(storedText);
            configured = HashRing.parse(configuredText);
        } catch (IllegalArgumentException e) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>(stored.shards());
        missing.removeAll(configured.shards());
        List<String> extra = new ArrayList<>(configured.shards());
        extra.removeAll(stored.shards());
        if (!missing.isEmpty()) {
            parts.add("the stored ring has " + String.join(", ", missing) + ", which the configuration lacks");
        }
        if (!extra.isEmpty()) {
            parts.add("the configuration names " + String.join(", ", extra) + ", which the stored ring lacks");
        }
        if (stored.virtualNodes() != configured.virtualNodes()) {
            parts.add("the stored ring has " + stored.virtualNodes() + " virtual nodes per shard, the configuration "
                    + configured.virtualNodes());
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts)
                + "; if a resharding changed the shards, update the topology file to the stored ring's shards)";
    }
}
