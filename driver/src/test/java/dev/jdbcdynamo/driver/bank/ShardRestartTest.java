package dev.jdbcdynamo.driver.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.driver.DynamoConnectionAccess;
import dev.jdbcdynamo.driver.Soak;
import dev.jdbcdynamo.driver.embedded.TestShardServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bank workload while one shard's server is stopped and started again: clients see
 * SQLExceptions with a SQLState, never a partial transfer; after recovery by a new process the
 * invariant holds and no XA branch stays prepared. Shards 0-2 live on one server, shard 3 on a
 * server of its own that goes away. The run lasts 10 seconds, 120 under {@code -Dsoak=long}
 * ({@code -Dbank.faultSeconds=N} to choose).
 */
@Tag(Soak.TAG)
class ShardRestartTest {
    private static final long SECONDS = Soak.length("bank.faultSeconds", 10, 120);

    @Test
    void aShardServerStoppedAndRestartedMidRun() throws Exception {
        DynamoConnectionAccess.serverUser(); // the binaries are unpacked by the shared test server
        Path dir = Files.createTempDirectory("jdbc-dynamo-restart");
        Path data = Path.of("target", "shard-restart-" + dir.getFileName());
        try (TestShardServer main = TestShardServer.start(data.resolve("a"));
             TestShardServer lone = TestShardServer.start(data.resolve("b"))) {
            for (int i = 0; i < 3; i++) {
                main.createDatabase("bank_" + i);
            }
            lone.createDatabase("bank_3");
            String url = "jdbc:dynamo:mysql://127.0.0.1:" + main.port() + "/bank_0,127.0.0.1:" + main.port()
                    + "/bank_1,127.0.0.1:" + main.port() + "/bank_2,127.0.0.1:" + lone.port() + "/bank_3?user=root";
            String runUrl = url + "&txRecoveryTimeout=5&txRecoveryInterval=2";
            try (Connection c = DriverManager.getConnection(runUrl)) {
                Bank.setUp(c);
                Thread fault = new Thread(() -> {
                    try {
                        Thread.sleep(SECONDS * 1000 / 3);
                        lone.stop();
                        Thread.sleep(SECONDS * 1000 / 4);
                        lone.restart();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                fault.start();
                Bank.Result result = Bank.run(runUrl, 8, SECONDS * 1000, id -> { });
                fault.join();
                System.out.println("Shard restart: " + result);
                assertThat(result.bad).as("client errors that were not SQLExceptions with SQLState").isEmpty();
                assertThat(result.errors.keySet()).as("the outage was seen").anyMatch(k -> k.contains("/08"));
                assertThat(result.acknowledged).hasSizeGreaterThan(10);

                Process recover = KilledClientTest.java("", RecoverMain.class.getName(),
                        url + "&txRecoveryTimeout=0&txRecoveryInterval=0");
                String out = new String(recover.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(recover.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(out).contains("IN-DOUBT 0");
                assertThat(DynamoConnectionAccess.recovery(c).inDoubt()).isEmpty();
                try (Connection fresh = DriverManager.getConnection(runUrl)) {
                    Bank.check(fresh, result.acknowledged);
                }
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }
}
