package dev.jdbcdynamo.sharding.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopologyFileTest {
    private static final Map<String, String> ENV = Map.of("DB_USER", "app", "DB_PASSWORD", "s3cret");

    private static Topology parse(String text) {
        return TopologyFile.parse("topology.yaml", text, ENV::get);
    }

    private static void assertError(String text, int line, String message) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("topology.yaml" + (line > 0 ? " line " + line : "") + ": ")
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((TopologyException) e).line()).isEqualTo(line));
    }

    @Test
    void readsShardsReplicasPoolsAndCredentialsFromTheEnvironment() {
        Topology t = parse("""
                user: ${DB_USER}
                password: ${DB_PASSWORD}
                poolSize: 8
                replicaMaxLagSeconds: 3
                shards:
                  - name: ds_0
                    url: jdbc:mysql://db0.example.com:3306/dynamo
                    replicas: [jdbc:mysql://db0r.example.com:3306/dynamo]
                  - name: ds_1
                    url: jdbc:mysql://db1.example.com/dynamo?connectTimeout=2000
                    poolSize: 20
                """);
        assertThat(t.user()).contains("app");
        assertThat(t.password()).contains("s3cret");
        assertThat(t.replicaMaxLagSeconds()).isEqualTo(3);
        assertThat(t.shards()).containsExactly(
                new Topology.ShardSpec("ds_0", "jdbc:mysql://db0.example.com:3306/dynamo", 8,
                        List.of("jdbc:mysql://db0r.example.com:3306/dynamo")),
                new Topology.ShardSpec("ds_1", "jdbc:mysql://db1.example.com/dynamo?connectTimeout=2000", 20, List.of()));
    }

    @Test
    void credentialsAreOptionalAndDefaultsApply() {
        Topology t = parse("shards:\n  - {name: a, url: 'jdbc:mysql://h:1/d'}\n");
        assertThat(t.user()).isEqualTo(Optional.empty());
        assertThat(t.password()).isEqualTo(Optional.empty());
        assertThat(t.shards().get(0).poolSize()).isEqualTo(TopologyFile.DEFAULT_POOL_SIZE);
        assertThat(t.replicaMaxLagSeconds()).isEqualTo(TopologyFile.DEFAULT_REPLICA_MAX_LAG_SECONDS);
    }

    @Test
    void variableDefaults() {
        Topology t = parse("user: ${NOPE:-reader}\nshards:\n  - {name: a, url: 'jdbc:mysql://h:1/d'}\n");
        assertThat(t.user()).contains("reader");
    }

    @Test
    void errorsNameTheLineAndTheProblem() {
        assertError("", 0, "the file is empty");
        assertError("shards: [\n", 2, "not valid YAML");
        assertError("user: x\n", 1, "missing 'shards:'");
        assertError("shards: []\n", 1, "non-empty list");
        assertError("shards:\n  - name: a\n    url: jdbc:mysql://h:1/d\n    replica: []\n", 4, "unknown key 'replica'");
        assertError("shards:\n  - name: a\n", 2, "shard 'a' needs 'url:'");
        assertError("shards:\n  - url: jdbc:mysql://h:1/d\n", 2, "needs 'name:'");
        assertError("shards:\n  - name: 0bad\n    url: jdbc:mysql://h:1/d\n", 2, "shard name '0bad'");
        assertError("shards:\n  - name: a\n    url: http://h/d\n", 3, "not a JDBC URL");
        assertError("shards:\n  - name: a\n    url: jdbc:mysql://h:1/d?password=x\n", 3, "do not write a password");
        assertError("shards:\n  - name: a\n    url: jdbc:mysql://h:1/d\n    poolSize: many\n", 4, "'poolSize' must be a whole number");
        assertError("password: ${MISSING_PW}\nshards:\n  - {name: a, url: 'jdbc:mysql://h:1/d'}\n", 1,
                "environment variable MISSING_PW is not set");
        assertError("shards:\n  - {name: a, url: 'jdbc:mysql://h:1/d'}\n  - {name: a, url: 'jdbc:mysql://h:1/e'}\n", 3,
                "shard name 'a' is used twice");
        assertError("shards:\n  - {name: a, url: 'jdbc:mysql://h:1/d'}\n  - {name: b, url: 'jdbc:mysql://h:1/d'}\n", 3,
                "database jdbc:mysql://h:1/d is named twice");
        assertError("shards:\n  - name: a\n    url: jdbc:mysql://h:1/d\n    replicas: jdbc:mysql://h:1/e\n", 4,
                "must be a list");
        assertError("shards: 3\n", 1, "non-empty list");
        assertError("- a\n", 1, "must be a mapping");
    }
}
