package dev.jdbcdynamo.driver.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.driver.DynamoConnectionAccess;
import dev.jdbcdynamo.driver.Soak;
import dev.jdbcdynamo.engine.tx.TestHooks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A client JVM doing bank transfers is killed with SIGKILL (kill -9) while a cross-shard
 * transaction is prepared on every shard and not yet decided; a new process recovers: the
 * invariant holds and no XA branch stays prepared.
 */
@Tag(Soak.TAG)
class KilledClientTest {

    @Test
    void aClientKilledBetweenPrepareAndCommitLeavesNothingHalfDone() throws Exception {
        String name = "bankkill";
        String memUrl = DynamoConnectionAccess.memUrl(name, 4) + "&txRecoveryInterval=0";
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            addresses.add(DynamoConnectionAccess.serverAddress("dynamo_mem_" + name + "_" + i));
        }
        String mysqlUrl = "jdbc:dynamo:mysql://" + String.join(",", addresses) + "?user="
                + DynamoConnectionAccess.serverUser();
        try (Connection c = DriverManager.getConnection(memUrl)) {
            Bank.setUp(c);
            Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
            CountDownLatch paused = new CountDownLatch(1);
            Process client = java("-D" + TestHooks.PAUSE_PROPERTY + "=40", BankClientMain.class.getName(),
                    mysqlUrl + "&txRecoveryInterval=0", "4", "120");
            Thread reader = new Thread(() -> readLines(client, acknowledged, paused));
            reader.start();
            try {
                assertThat(paused.await(120, TimeUnit.SECONDS)).as("the client reached the hook").isTrue();
                assertThat(DynamoConnectionAccess.recovery(c).inDoubt()).as("branches prepared at the kill").isNotEmpty();
            } finally {
                client.destroyForcibly(); // SIGKILL
                client.waitFor(30, TimeUnit.SECONDS);
            }
            reader.join(10_000);
            assertThat(acknowledged).hasSizeGreaterThan(10);

            Process recover = java("", RecoverMain.class.getName(), mysqlUrl + "&txRecoveryTimeout=0&txRecoveryInterval=0");
            String out = new String(recover.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(recover.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(out).contains("IN-DOUBT 0");

            assertThat(DynamoConnectionAccess.recovery(c).inDoubt()).isEmpty();
            Bank.check(c, acknowledged);
        }
    }

    private static void readLines(Process client, Queue<String> acknowledged, CountDownLatch paused) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                } else if (line.equals(TestHooks.PAUSED_MARKER)) {
                    paused.countDown();
                }
            }
        } catch (java.io.IOException e) {
            // The process was killed.
        }
    }

    /** A JVM with this test's class path running {@code main}. */
    static Process java(String property, String main, String... args) throws java.io.IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Xmx256m");
        if (!property.isEmpty()) {
            command.add(property);
        }
        command.add(main);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
