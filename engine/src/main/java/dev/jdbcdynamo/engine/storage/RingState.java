package dev.jdbcdynamo.engine.storage;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * The ring as a shard stores it: its version (raised by every resharding), its text, and the
 * JDBC URLs (no credentials) of shards a resharding added, from {@code dynamo_shards}.
 */
record RingState(long version, String ring, Map<String, String> urls) {
    RingState {
        requireNonNull(ring, "ring is null");
        urls = Map.copyOf(urls);
    }
}
