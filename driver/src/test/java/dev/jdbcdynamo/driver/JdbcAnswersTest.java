package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC answers tools and frameworks read before they act (Spring's batchUpdate, pools'
 * isValid, DBeaver's isolation menu and parameter dialogs), and connection property checks, with
 * the real driver on the embedded database.
 */
class JdbcAnswersTest {
    private static final String URL = TestServer.memUrl("jdbcanswers", 2);
    private static Connection c;

    @BeforeAll
    static void open() throws SQLException {
        c = DriverManager.getConnection(URL);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"Orders\" (customer_id STRING PARTITION KEY, order_no NUMBER SORT KEY, total NUMBER)");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        c.close();
    }

    @Test
    void batchUpdatesAreSupportedAndWork() throws SQLException {
        assertThat(c.getMetaData().supportsBatchUpdates()).isTrue();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"Orders\" VALUE {'customer_id': ?, 'order_no': ?}")) {
            for (int i = 0; i < 3; i++) {
                ps.setString(1, "batch");
                ps.setInt(2, i);
                ps.addBatch();
            }
            assertThat(ps.executeBatch()).containsExactly(1, 1, 1);
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT order_no FROM \"Orders\" WHERE customer_id = 'batch'")) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            assertThat(n).isEqualTo(3);
        }
    }

    @Test
    void isValidAsksTheShards() throws SQLException {
        assertThat(c.isValid(0)).isTrue();
        assertThat(c.isValid(2)).isTrue();
        assertThatThrownBy(() -> c.isValid(-1)).isInstanceOf(SQLException.class).hasMessageContaining("-1");
        try (Connection other = DriverManager.getConnection(URL)) {
            other.close();
            assertThat(other.isValid(1)).isFalse();
        }
    }

    /** Shards behind a loopback relay that is then shut: isValid answers false within its timeout. */
    @Test
    void isValidIsFalseWhenTheShardsAreUnreachable() throws Exception {
        String live = TestServer.lease().jdbcUrl("mysql").replace("jdbc:mysql://", "").replace("/mysql", "");
        int livePort = Integer.parseInt(live.substring(live.lastIndexOf(':') + 1));
        try (Connection admin = TestServer.direct("mysql"); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS valid_test_0");
        }
        try (Relay relay = new Relay(livePort)) {
            String url = "jdbc:dynamo:mysql://127.0.0.1:" + relay.port() + "/valid_test_0?user=root&ringCheckMillis=0"
                    + "&txRecoveryInterval=0";
            try (Connection viaRelay = DriverManager.getConnection(url)) {
                assertThat(viaRelay.isValid(2)).isTrue();
                relay.close();
                long start = System.nanoTime();
                assertThat(viaRelay.isValid(2)).isFalse();
                assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(4_000);
            }
        }
    }

    @Test
    void generatedKeysAreAnEmptyResultWithoutColumns() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO \"Orders\" VALUE {'customer_id': 'keys', 'order_no': 1}");
            try (ResultSet keys = s.getGeneratedKeys()) {
                assertThat(keys.getMetaData().getColumnCount()).isZero();
                assertThat(keys.next()).isFalse();
            }
        }
        assertThat(c.getMetaData().supportsGetGeneratedKeys()).isFalse();
    }

    @Test
    void weakerIsolationLevelsRunSerializable() throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (Connection other = DriverManager.getConnection(URL)) {
            for (int level : new int[] {Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
                    Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE}) {
                assertThat(meta.supportsTransactionIsolationLevel(level)).as("level %d", level).isTrue();
                other.setTransactionIsolation(level);
                assertThat(other.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
            }
            assertThat(meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE)).isFalse();
            assertThatThrownBy(() -> other.setTransactionIsolation(Connection.TRANSACTION_NONE))
                    .isInstanceOf(SQLException.class).hasMessageContaining("all run SERIALIZABLE");
            assertThatThrownBy(() -> other.setTransactionIsolation(42)).isInstanceOf(SQLException.class);
            assertThat(meta.getDefaultTransactionIsolation()).isEqualTo(other.getTransactionIsolation());
        }
    }

    @Test
    void parameterMetaDataCountsMarkersAndTypesTheKeys() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM \"Orders\" WHERE customer_id = ? AND order_no > ? AND total = ?")) {
            ParameterMetaData pm = ps.getParameterMetaData();
            assertThat(pm.getParameterCount()).isEqualTo(3);
            assertThat(pm.getParameterType(1)).isEqualTo(Types.VARCHAR);
            assertThat(pm.getParameterClassName(1)).isEqualTo(String.class.getName());
            assertThat(pm.getParameterType(2)).isEqualTo(Types.NUMERIC);
            assertThat(pm.getParameterTypeName(2)).isEqualTo("NUMBER");
            assertThat(pm.getParameterType(3)).isEqualTo(Types.OTHER);
            for (int i = 1; i <= 3; i++) {
                assertThat(pm.getParameterMode(i)).isEqualTo(ParameterMetaData.parameterModeIn);
                assertThat(pm.isNullable(i)).isEqualTo(ParameterMetaData.parameterNullableUnknown);
            }
            assertThatThrownBy(() -> pm.getParameterType(4)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("has 3 parameter(s)");
            // the unwrap every JDBC object of the driver shares (JdbcWrapper): itself, or 0A000
            assertThat(pm.unwrap(ParameterMetaData.class)).isSameAs(pm);
            assertThat(pm.isWrapperFor(java.sql.ResultSet.class)).isFalse();
            assertThatThrownBy(() -> pm.unwrap(java.sql.ResultSet.class))
                    .isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE \"Orders\" SET total = ? WHERE customer_id = ? AND order_no = ?")) {
            ParameterMetaData pm = ps.getParameterMetaData();
            assertThat(pm.getParameterCount()).isEqualTo(3);
            assertThat(pm.getParameterType(1)).isEqualTo(Types.OTHER);
            assertThat(pm.getParameterType(2)).isEqualTo(Types.VARCHAR);
            assertThat(pm.getParameterType(3)).isEqualTo(Types.NUMERIC);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"Orders\" VALUE {'customer_id': ?, 'order_no': ?}")) {
            assertThat(ps.getParameterMetaData().getParameterCount()).isEqualTo(2);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM \"Orders\"")) {
            assertThat(ps.getParameterMetaData().getParameterCount()).isZero();
        }
    }

    @Test
    void unknownPropertiesAreWarningsOrErrorsUnderStrictProperties() throws SQLException {
        Properties info = new Properties();
        info.setProperty("applicationName", "a tool");
        try (Connection warned = DriverManager.getConnection(URL + "&colour=blue", info)) {
            List<String> warnings = new ArrayList<>();
            for (SQLWarning w = warned.getWarnings(); w != null; w = w.getNextWarning()) {
                warnings.add(w.getMessage());
            }
            assertThat(warnings).hasSize(2).anySatisfy(m -> assertThat(m).contains("'colour'"))
                    .anySatisfy(m -> assertThat(m).contains("'applicationName'"))
                    .allSatisfy(m -> assertThat(m).contains("known properties: user, password, shards"));
            warned.clearWarnings();
            assertThat((Object) warned.getWarnings()).isNull();
        }
        assertThat((Object) c.getWarnings()).isNull();
        assertThatThrownBy(() -> DriverManager.getConnection(URL + "&colour=blue&strictProperties=true"))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("08001");
                    assertThat(e.getMessage()).contains("Unknown connection property colour");
                });
    }

    @Test
    void badValuesAreErrorsNamingPropertyValueAndAcceptedValues() {
        Properties info = new Properties();
        info.setProperty("poolSize", "-3");
        assertThatThrownBy(() -> DriverManager.getConnection(URL, info))
                .isInstanceOfSatisfying(SQLException.class, e -> {
                    assertThat(e.getSQLState()).isEqualTo("08001");
                    assertThat(e.getMessage()).contains("'-3'", "poolSize", "an integer from 1 to 1000");
                });
    }

    /** A loopback TCP relay to the test server, shut on close (its open sockets too). */
    private static final class Relay implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> sockets = new ArrayList<>();

        Relay(int targetPort) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket client = server.accept();
                        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                        synchronized (sockets) {
                            sockets.add(client);
                            sockets.add(target);
                        }
                        pump(client, target);
                        pump(target, client);
                    }
                } catch (IOException e) {
                    // Closed: the relay is shut.
                }
            }, "relay-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private static void pump(Socket from, Socket to) {
            Thread t = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // One side closed.
                }
                try {
                    to.close();
                } catch (IOException e) {
                    // Already closed.
                }
            }, "relay-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (sockets) {
                for (Socket s : sockets) {
                    s.close();
                }
            }
        }
    }
}
