package dev.jdbcdynamo.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cost of the first plan in a JVM, which a warm JVM cannot measure twice: each repetition
 * starts a new JVM ({@link FirstPlanProbe}) that connects to the run's shards over {@code mysql://}.
 */
final class FirstPlan {
    private static final long TIMEOUT_SECONDS = 120;

    private FirstPlan() {
    }

    /** The URL of the driver database's shards as existing MySQL databases. */
    static String mysqlUrl(BenchServer server, int shards) {
        StringBuilder url = new StringBuilder("jdbc:dynamo:mysql://");
        for (int i = 0; i < shards; i++) {
            url.append(i == 0 ? "" : ",").append("127.0.0.1:").append(server.port())
                    .append("/dynamo_mem_").append(DynamoJdbcTables.DATABASE).append('_').append(i);
        }
        return url.append("?user=").append(server.user()).append("&poolSize=2").toString();
    }

    /** Runs {@code jvms} probes one after the other and returns their samples. */
    static Statistics.Sample[] measure(String url, int jvms) throws IOException, InterruptedException {
        Statistics.Sample[] samples = new Statistics.Sample[jvms];
        for (int i = 0; i < jvms; i++) {
            long nanos = probe(url);
            samples[i] = new Statistics.Sample(1, nanos, new long[] {nanos});
        }
        return samples;
    }

    private static long probe(String url) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FirstPlanProbe.class.getName());
        command.add(url);
        command.add(DynamoJdbcContender.GET);
        Path log = Files.createTempFile("bench-first-plan-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the first-plan probe JVM did not finish in " + TIMEOUT_SECONDS + " s");
            }
            List<String> output = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (String line : output) {
                if (line.startsWith(FirstPlanProbe.PREFIX)) {
                    return Long.parseLong(line.substring(FirstPlanProbe.PREFIX.length()).trim());
                }
            }
            throw new IllegalStateException("the first-plan probe JVM printed no result (exit " + process.exitValue()
                    + "):\n" + String.join("\n", output));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
