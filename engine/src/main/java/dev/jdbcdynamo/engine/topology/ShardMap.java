package dev.jdbcdynamo.engine.topology;

import dev.jdbcdynamo.sharding.HashRing;
import java.util.List;

/** The shards of a database and the ring that places items on them, as they are now. */
public interface ShardMap {
    /** The shards in ring order. */
    List<Shard> shards();

    /** The ring that names the shard of each key. */
    HashRing ring();
}
