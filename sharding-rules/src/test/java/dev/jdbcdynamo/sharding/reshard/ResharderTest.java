package dev.jdbcdynamo.sharding.reshard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.jdbcdynamo.sharding.HashRing;
import dev.jdbcdynamo.sharding.KeyspaceId;
import dev.jdbcdynamo.sharding.MariaDbServerAccess;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resharding interrupted at different phases (the listener throws, as a killed process would
 * stop there): before PUBLISH it rolls back to the old layout, after it resume finishes it.
 * Shards are databases of the module's one test server.
 */
class ResharderTest {
    private static final int ROWS = 2000;
    private static final List<String> NAMES = List.of("ra", "rb", "rc");
    private static final Map<String, HikariDataSource> POOLS = new LinkedHashMap<>();

    @BeforeAll
    static void openPools() {
        for (String name : NAMES) {
            POOLS.put(name, MariaDbServerAccess.pool("reshard_" + name));
        }
    }

    @AfterAll
    static void closePools() {
        POOLS.values().forEach(HikariDataSource::close);
    }

    @BeforeEach
    void freshShards() throws SQLException {
        HashRing ring = HashRing.of(List.of("ra", "rb"));
        for (String name : NAMES) {
            MariaDbServerAccess.execute("DROP DATABASE IF EXISTS reshard_" + name,
                    "CREATE DATABASE reshard_" + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        for (String name : ring.shards()) {
            try (Connection c = POOLS.get(name).getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE dynamo_topology (id INT NOT NULL PRIMARY KEY, shard_name VARCHAR(64) NOT NULL,"
                        + " ring LONGTEXT NOT NULL, version BIGINT NOT NULL)");
                s.execute("CREATE TABLE dynamo_catalog (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(255) NOT NULL)");
                s.execute("INSERT INTO dynamo_catalog VALUES (1, 'Things')");
                s.execute("CREATE TABLE dt_1 (kid BIGINT NOT NULL, pk VARBINARY(2048) NOT NULL, sk VARBINARY(1024) NOT NULL,"
                        + " item LONGTEXT NOT NULL, PRIMARY KEY (pk, sk), KEY ix_kid (kid))");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO dynamo_topology VALUES (1, ?, ?, 1)")) {
                    ps.setString(1, name);
                    ps.setString(2, ring.toText());
                    ps.executeUpdate();
                }
            }
        }
        for (int i = 0; i < ROWS; i++) {
            byte[] pk = ("k" + i).getBytes(StandardCharsets.UTF_8);
            long kid = KeyspaceId.of((byte) 'S', pk);
            try (Connection c = POOLS.get(ring.shardFor(kid)).getConnection();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO dt_1 VALUES (?, ?, '', ?)")) {
                ps.setLong(1, kid);
                ps.setBytes(2, pk);
                ps.setString(3, "{\"n\":" + i + "}");
                ps.executeUpdate();
            }
        }
    }

    private static Resharder resharder(ReshardListener listener) {
        Map<String, DataSource> pools = new LinkedHashMap<>(POOLS);
        Map<String, String> urls = new HashMap<>();
        NAMES.forEach(n -> urls.put(n, "jdbc:mysql://127.0.0.1:3306/reshard_" + n));
        return new Resharder(pools, urls, List.of("dt_1"), List.of("dynamo_catalog"), listener, 0);
    }

    /** Throws the first time the given phase reports, like a process killed there. */
    private static ReshardListener dieAt(ReshardPhase phase) {
        return (p, done, message) -> {
            if (p == phase) {
                throw new IllegalStateException("killed in " + phase);
            }
        };
    }

    @Test
    void anInterruptedCopyIsRolledBack() throws SQLException {
        HashRing target = HashRing.of(NAMES);
        assertThatThrownBy(() -> resharder(dieAt(ReshardPhase.COPY)).reshard("ra", target))
                .hasMessageContaining("killed in COPY");
        assertThat(resharder(ReshardListener.none()).inProgress("ra")[2]).isEqualTo("COPY");
        assertThat(triggers("ra") + triggers("rb")).isEqualTo(6);
        assertThatThrownBy(() -> resharder(ReshardListener.none()).reshard("ra", target))
                .hasMessageContaining("a resharding is in progress");

        assertThat(resharder(ReshardListener.none()).rollback("ra")).isTrue();
        assertThat(resharder(ReshardListener.none()).inProgress("ra")).isNull();
        assertThat(triggers("ra") + triggers("rb")).isZero();
        assertThat(count("rc")).isZero();
        assertThat(count("ra") + count("rb")).isEqualTo(ROWS);
        assertThat(resharder(ReshardListener.none()).storedRing("ra").version()).isEqualTo(1);
        assertPlacedBy(HashRing.of(List.of("ra", "rb")));

        // Afterwards the same resharding runs through.
        ReshardReport report = resharder(ReshardListener.none()).reshard("ra", target);
        assertThat(report.version()).isEqualTo(2);
        assertPlacedBy(target);
    }

    @Test
    void aResardingInterruptedAfterPublishingIsFinishedByResume() throws SQLException {
        HashRing target = HashRing.of(NAMES);
        assertThatThrownBy(() -> resharder(dieAt(ReshardPhase.CLEANUP)).reshard("ra", target))
                .hasMessageContaining("killed in CLEANUP");
        assertThat(resharder(ReshardListener.none()).storedRing("rc").ring()).isEqualTo(target);
        assertThatThrownBy(() -> resharder(ReshardListener.none()).rollback("ra"))
                .hasMessageContaining("already published");

        assertThat(resharder(ReshardListener.none()).resume("ra")).isEqualTo(ReshardPhase.CLEANUP);
        assertThat(resharder(ReshardListener.none()).inProgress("ra")).isNull();
        assertThat(triggers("ra") + triggers("rb")).isZero();
        assertPlacedBy(target);
        assertThat(resharder(ReshardListener.none()).resume("ra")).isNull();
    }

    /** Every row exactly once, on the shard the ring names. */
    private static void assertPlacedBy(HashRing ring) throws SQLException {
        Map<String, Integer> seen = new HashMap<>();
        for (String shard : ring.shards()) {
            try (Connection c = POOLS.get(shard).getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT kid, pk FROM dt_1")) {
                while (rs.next()) {
                    assertThat(ring.shardFor(rs.getLong(1))).isEqualTo(shard);
                    seen.merge(new String(rs.getBytes(2), StandardCharsets.UTF_8), 1, Integer::sum);
                }
            }
        }
        assertThat(seen).hasSize(ROWS);
        assertThat(seen.values()).containsOnly(1);
    }

    private static long count(String shard) throws SQLException {
        try (Connection c = POOLS.get(shard).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"
                     + " AND table_name = 'dt_1'")) {
            rs.next();
            if (rs.getLong(1) == 0) {
                return 0;
            }
        }
        try (Connection c = POOLS.get(shard).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dt_1")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long triggers(String shard) throws SQLException {
        try (Connection c = POOLS.get(shard).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.triggers"
                     + " WHERE trigger_schema = DATABASE()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
