package dev.jdbcdynamo.engine.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.jdbcdynamo.engine.topology.Shard;
import dev.jdbcdynamo.sharding.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Opens the replica pools a topology file names; a replica that is down does not stop the start. */
final class ReplicaSets {
    private ReplicaSets() {
    }

    static Map<String, ReplicaSet> open(Topology topology, List<Shard> primaries, String user, String password) {
        Map<String, ReplicaSet> result = new LinkedHashMap<>();
        for (Topology.ShardSpec spec : topology.shards()) {
            if (spec.replicas().isEmpty()) {
                continue;
            }
            HikariDataSource primary = primaries.stream().filter(s -> s.name().equals(spec.name())).findFirst()
                    .orElseThrow().pool();
            List<ReplicaSet.Replica> replicas = new ArrayList<>();
            for (int i = 0; i < spec.replicas().size(); i++) {
                String url = spec.replicas().get(i);
                HikariDataSource pool = ShardPools.openLazily(spec.name() + "-replica" + i, url, user, password,
                        spec.poolSize());
                replicas.add(new ReplicaSet.Replica(url.replaceFirst("^jdbc:mysql://", ""), pool));
            }
            result.put(spec.name(), new ReplicaSet(spec.name(), primary, replicas, topology.replicaMaxLagSeconds()));
        }
        return result;
    }
}
