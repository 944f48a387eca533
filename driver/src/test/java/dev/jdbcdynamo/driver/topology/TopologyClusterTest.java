package dev.jdbcdynamo.driver.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.driver.Soak;
import dev.jdbcdynamo.driver.embedded.TestMariaDb;
import dev.jdbcdynamo.driver.tools.DistributionCommand;
import dev.jdbcdynamo.driver.tools.ReshardCommand;
import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.sharding.HashRing;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Several MariaDB servers started by the test, one per shard, named by a topology file: two
 * application processes share tables, a file that disagrees with the stored ring is refused,
 * and a shard joins and another leaves while four threads write and read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopologyClusterTest {
    /** Items the writers insert while the ring changes: a soak's length (-Dtopology.items=N to choose). */
    private static final int LOAD_ITEMS = (int) Soak.length("topology.items", 4_000, 50_000);
    private static final int THREADS = 4;

    private final List<TestMariaDb> servers = new ArrayList<>();
    private Path dir;
    private Path topologyFile;

    @BeforeAll
    void startServers() throws Exception {
        dir = Files.createTempDirectory("jdbcdynamo-topology-test-");
        ExecutorService starter = Executors.newFixedThreadPool(4);
        try {
            List<Future<TestMariaDb>> started = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                started.add(starter.submit(() -> TestMariaDb.start()));
            }
            for (Future<TestMariaDb> f : started) {
                servers.add(f.get(180, TimeUnit.SECONDS));
            }
        } finally {
            starter.shutdown();
        }
        for (TestMariaDb server : servers) {
            server.createDatabase("dynamo");
        }
        topologyFile = dir.resolve("topology.yaml");
        writeTopology(topologyFile, 3);
    }

    @AfterAll
    void stopServers() throws IOException {
        try {
            servers.forEach(TestMariaDb::close);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A topology file naming shards s0.. on the first {@code count} servers. */
    private void writeTopology(Path file, int... shardIndexes) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                # three MariaDB servers, one shard each
                user: ${JDBC_DYNAMO_TEST_USER:-root}
                poolSize: 8
                shards:
                """);
        for (int i : shardIndexes.length == 1 ? range(shardIndexes[0]) : shardIndexes) {
            yaml.append("  - name: s").append(i).append('\n')
                    .append("    url: ").append(servers.get(i).jdbcUrl("dynamo")).append('\n');
        }
        Files.writeString(file, yaml.toString(), StandardCharsets.UTF_8);
    }

    private static int[] range(int n) {
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            result[i] = i;
        }
        return result;
    }

    private String url(Path file) {
        return "jdbc:dynamo:config=" + file + "?ringCheckMillis=200";
    }

    @Test
    @Order(1)
    void twoProcessesWithOneTopologyFileShareTablesAndRing() throws Exception {
        try (Connection c = DriverManager.getConnection(url(topologyFile)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"Shared\" (id STRING PARTITION KEY)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"Shared\" VALUE {'id': ?, 'n': ?}")) {
                for (int i = 0; i < 300; i++) {
                    ps.setString(1, "parent-" + i);
                    ps.setInt(2, i);
                    ps.executeUpdate();
                }
            }
            String output = runJava(TopologyClientMain.class.getName(), url(topologyFile), "300", "200");
            assertThat(output).contains("found 300 sum " + (299 * 300 / 2)).contains("wrote 200");
            int childItems = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT n FROM \"Shared\" WHERE id = ?")) {
                for (int i = 0; i < 200; i++) {
                    ps.setString(1, "child-" + i);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getInt(1)).isEqualTo(i);
                        childItems++;
                    }
                }
            }
            assertThat(childItems).isEqualTo(200);
        }
        // Every server holds a share of the 500 items, and every shard stores the same ring.
        long total = 0;
        String ring = null;
        for (int i = 0; i < 3; i++) {
            long rows = count(servers.get(i), physicalTable("Shared"));
            assertThat(rows).isGreaterThan(50);
            total += rows;
            String stored = storedRing(servers.get(i));
            ring = ring == null ? stored : ring;
            assertThat(stored).isEqualTo(ring);
        }
        assertThat(total).isEqualTo(500);
        assertThat(HashRing.parse(ring).shards()).containsExactly("s0", "s1", "s2");
    }

    @Test
    @Order(2)
    void aFileThatDisagreesWithTheStoredRingIsRefused() throws Exception {
        Path twoShards = dir.resolve("two.yaml");
        writeTopology(twoShards, 0, 1);
        assertThatThrownBy(() -> DriverManager.getConnection(url(twoShards)).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08004"))
                .hasMessageContaining("the stored ring has s2, which the configuration lacks");

        Path reordered = dir.resolve("renamed.yaml");
        Files.writeString(reordered, Files.readString(topologyFile).replace("name: s0", "name: x0"));
        assertThatThrownBy(() -> DriverManager.getConnection(url(reordered)).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08004"))
                .hasMessageContaining("is shard s0 of its ring but is configured as x0");

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "shards:\n  - name: s0\n    ur1: jdbc:mysql://127.0.0.1:1/x\n");
        assertThatThrownBy(() -> DriverManager.getConnection(url(broken)).close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"))
                .hasMessageContaining("broken.yaml line 3: unknown key 'ur1'");
    }

    @Test
    @Order(3)
    @Tag(Soak.TAG)
    void aShardJoinsAndAnotherLeavesWhileFourThreadsWriteAndRead() throws Exception {
        String url = url(topologyFile);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"Load\" (pk STRING PARTITION KEY)");
            DynamoDatabase database = dev.jdbcdynamo.driver.TestAccess.database(c);
            Load load = new Load(url);
            load.start();
            try {
                load.awaitInserted(LOAD_ITEMS / 4);
                String added = runJava(ReshardCommand.class.getName(), "--grace-millis", "1500", url, "add", "s3",
                        servers.get(3).jdbcUrl("dynamo"));
                System.out.println(added);
                writeTopology(topologyFile, 0, 1, 2, 3);
                load.awaitInserted(LOAD_ITEMS * 3 / 4);
                String removed = runJava(ReshardCommand.class.getName(), "--grace-millis", "1500", url, "remove", "s1");
                System.out.println(removed);
                writeTopology(topologyFile, 0, 2, 3);
                load.awaitInserted(LOAD_ITEMS);
                Thread.sleep(500);
                load.stop();

                double addShare = movedShare(added);
                double removeShare = movedShare(removed);
                System.out.printf("moved share: join %.1f%% (goal 25.0%%), leave %.1f%% (s1's share of 4)%n",
                        addShare, removeShare);
                assertThat(addShare).isCloseTo(100.0 / (3 + 1), org.assertj.core.data.Offset.offset(5.0));
                assertThat(removeShare).isCloseTo(100.0 / 4, org.assertj.core.data.Offset.offset(5.0));
            } finally {
                load.stop();
            }
            assertThat(load.errors).as("errors seen by the writers").isEmpty();
            assertThat(load.staleReads.get()).as("reads that missed an acknowledged write").isZero();
            // This process picked the new rings up without a restart.
            assertThat(database.ringVersion()).isEqualTo(3);
            assertThat(database.ring().shards()).containsExactly("s0", "s2", "s3");
            verifyPlacement(load);

            long loadItems = 0;
            try (ResultSet rs = s.executeQuery("SHOW DISTRIBUTION")) {
                while (rs.next()) {
                    assertThat(rs.getString("SHARD")).isIn("s0", "s2", "s3");
                    assertThat(rs.getLong("RING_VERSION")).isEqualTo(3);
                    if (rs.getString("TABLE_NAME").equals("Load")) {
                        loadItems += rs.getLong("ITEMS");
                        assertThat(rs.getLong("BYTES")).isPositive();
                    }
                }
            }
            assertThat(loadItems).isEqualTo(LOAD_ITEMS);
            Path html = dir.resolve("distribution.html");
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            int exit = DistributionCommand.run(new String[] {url, "--html", html.toString()},
                    new java.io.PrintStream(text, true, StandardCharsets.UTF_8), System.err);
            System.out.println(text.toString(StandardCharsets.UTF_8));
            assertThat(exit).isZero();
            assertThat(text.toString(StandardCharsets.UTF_8)).contains("s0", "s2", "s3", "Load", "ring version 3");
            assertThat(Files.readString(html)).contains("<table", "Distribution over 3 shards", "Load");
        }
    }

    /** Every acknowledged item exactly once, on the shard the stored ring names, with its last value. */
    private void verifyPlacement(Load load) throws SQLException {
        HashRing ring = HashRing.parse(storedRing(servers.get(0)));
        assertThat(ring.shards()).containsExactly("s0", "s2", "s3");
        String table = physicalTable("Load");
        Map<String, Integer> seen = new HashMap<>();
        for (int i : new int[] {0, 2, 3}) {
            try (Connection c = servers.get(i).connect("dynamo"); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT kid, JSON_VALUE(item, '$.pk.S'), JSON_VALUE(item, '$.v.N') FROM "
                         + table)) {
                while (rs.next()) {
                    String key = rs.getString(2);
                    assertThat(ring.shardFor(rs.getLong(1))).as("shard of " + key).isEqualTo("s" + i);
                    seen.merge(key, 1, Integer::sum);
                    Long acked = load.acknowledged.get(key);
                    if (acked != null && !load.uncertain.contains(key)) {
                        assertThat(Long.parseLong(rs.getString(3))).as("value of " + key).isEqualTo(acked);
                    }
                }
            }
        }
        assertThat(count(servers.get(1), table)).as("rows left on the removed shard").isZero();
        assertThat(load.acknowledged).hasSize(LOAD_ITEMS);
        for (String key : load.acknowledged.keySet()) {
            assertThat(seen.get(key)).as("copies of " + key).isEqualTo(1);
        }
        assertThat(seen).hasSize(LOAD_ITEMS);
    }

    private static double movedShare(String output) {
        Matcher m = Pattern.compile("moved (\\d+) of (\\d+) rows \\(([0-9.]+)%").matcher(output);
        assertThat(m.find()).as("report in: " + output).isTrue();
        return Double.parseDouble(m.group(3));
    }

    /** Four writers: each inserts its quarter of the items, then updates and reads them at random. */
    private static final class Load {
        final String url;
        final Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        final Set<String> uncertain = ConcurrentHashMap.newKeySet();
        final List<String> errors = new CopyOnWriteArrayList<>();
        final AtomicInteger inserted = new AtomicInteger();
        final AtomicInteger staleReads = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();
        final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        final List<Future<?>> futures = new ArrayList<>();

        Load(String url) {
            this.url = url;
        }

        void start() {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    run(thread);
                    return null;
                }));
            }
        }

        private void run(int thread) throws SQLException {
            List<String> mine = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(url);
                 PreparedStatement insert = c.prepareStatement("INSERT INTO \"Load\" VALUE {'pk': ?, 'v': 0}");
                 PreparedStatement update = c.prepareStatement("UPDATE \"Load\" SET v = v + 1 WHERE pk = ?");
                 PreparedStatement read = c.prepareStatement("SELECT v FROM \"Load\" WHERE pk = ?")) {
                while (!stop.get()) {
                    String key;
                    boolean inserting = mine.size() < LOAD_ITEMS / THREADS;
                    if (inserting) {
                        key = "t" + thread + "-" + mine.size();
                        mine.add(key);
                    } else {
                        key = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
                    }
                    try {
                        if (inserting) {
                            insert.setString(1, key);
                            insert.executeUpdate();
                            acknowledged.put(key, 0L);
                            inserted.incrementAndGet();
                        } else {
                            update.setString(1, key);
                            update.executeUpdate();
                            acknowledged.merge(key, 1L, Long::sum);
                        }
                    } catch (SQLException e) {
                        uncertain.add(key);
                        errors.add(key + ": " + e.getSQLState() + " " + e.getMessage());
                        if (inserting) {
                            acknowledged.putIfAbsent(key, 0L);
                            inserted.incrementAndGet();
                        }
                        continue;
                    }
                    String probe = mine.get(ThreadLocalRandom.current().nextInt(mine.size()));
                    read.setString(1, probe);
                    try (ResultSet rs = read.executeQuery()) {
                        Long acked = acknowledged.get(probe);
                        if (!uncertain.contains(probe) && (!rs.next() || rs.getLong(1) != acked)) {
                            staleReads.incrementAndGet();
                        }
                    } catch (SQLException e) {
                        errors.add("read " + probe + ": " + e.getSQLState() + " " + e.getMessage());
                    }
                }
            }
        }

        void awaitInserted(int n) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (inserted.get() < n) {
                for (Future<?> f : futures) {
                    if (f.isDone()) {
                        f.get(); // a writer died: show why
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + inserted.get() + " of " + n + " items inserted");
                }
                Thread.sleep(50);
            }
        }

        void stop() throws Exception {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<?> f : futures) {
                f.get();
            }
        }
    }

    private String physicalTable(String name) throws SQLException {
        try (Connection c = servers.get(0).connect("dynamo");
             PreparedStatement ps = c.prepareStatement("SELECT id FROM dynamo_catalog WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return "dt_" + rs.getLong(1);
            }
        }
    }

    private static long count(TestMariaDb server, String table) throws SQLException {
        try (Connection c = server.connect("dynamo"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String storedRing(TestMariaDb server) throws SQLException {
        try (Connection c = server.connect("dynamo"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ring FROM dynamo_topology WHERE id = 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** Runs a main class in a child JVM with this JVM's class path; returns its output, failing on a non-zero exit. */
    static String runJava(String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String text = new String(output, StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(text).isZero();
            return text;
        } finally {
            process.destroyForcibly();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java") + (File.separatorChar == '\\' ? ".exe" : "");
    }
}
