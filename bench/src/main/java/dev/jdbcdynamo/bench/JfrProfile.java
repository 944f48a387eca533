package dev.jdbcdynamo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of one operation on one thread, summarized: wall-clock and CPU time per call
 * of the calling thread, and where its Java samples fall by layer (the first non-JDK frame from
 * the top), the hottest frames, and the methods most often on the stack.
 *
 * <p>Only {@code jdk.ExecutionSample} (threads running Java) is used for shares: JFR samples at
 * most one thread in native code per period, so with the servers' idle threads in the JVM a
 * blocked socket read is rarely sampled. The time the thread was not on a CPU, wall minus CPU,
 * is the waiting: for MariaDB's answer and for a free core.
 */
final class JfrProfile {
    private static final Duration PERIOD = Duration.ofMillis(1);
    private static final int TOP = 12;
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("dev.jdbcdynamo.bench.", "benchmark harness");
        LAYERS.put("dev.jdbcdynamo.planner.", "jdbc:dynamo planner (parse, bind, values, JSON, expressions)");
        LAYERS.put("dev.jdbcdynamo.driver.", "jdbc:dynamo driver (JDBC objects, executor)");
        LAYERS.put("dev.jdbcdynamo.sharding.", "jdbc:dynamo sharding rules (kid, ring)");
        LAYERS.put("org.apache.shardingsphere.", "ShardingSphere-JDBC");
        LAYERS.put("org.apache.calcite.", "Calcite");
        LAYERS.put("com.mysql.cj.", "mysql-connector-j");
        LAYERS.put("com.zaxxer.hikari.", "HikariCP");
        LAYERS.put("com.fasterxml.jackson.", "Jackson");
        LAYERS.put("com.google.common.", "Guava");
    }

    /** What the calling thread did: calls, its wall-clock and CPU time, and its Java samples. */
    record Run(long calls, long wallNanos, long cpuNanos) {
    }

    /** The summary of one recording. */
    record Summary(String title, Run run, long javaSamples, Map<String, Long> layers,
                   Map<String, Long> topFrames, Map<String, Long> onStack) {

        String markdown() {
            long total = javaSamples;
            double wallPerCall = run.wallNanos() / 1e3 / run.calls();
            double cpuPerCall = run.cpuNanos() / 1e3 / run.calls();
            StringBuilder sb = new StringBuilder();
            sb.append("#### ").append(title).append("\n\n");
            sb.append(String.format(Locale.ROOT, "%,d calls in %.1f s: %.0f µs of wall-clock time per call, of which the"
                            + " calling thread ran on a CPU for %.0f µs (%.0f%%); the other %.0f µs it waited, for MariaDB's"
                            + " answer or for a free core. %,d Java samples of the thread (one per %d ms at most) split the"
                            + " CPU time:%n%n", run.calls(), run.wallNanos() / 1e9, wallPerCall, cpuPerCall,
                    100 * cpuPerCall / wallPerCall, wallPerCall - cpuPerCall, javaSamples, PERIOD.toMillis()));
            sb.append("| where (first non-JDK frame from the top) | share of CPU samples | ≈ µs per call |\n| --- | ---: | ---: |\n");
            layers.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(percent(v, total)).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f", cpuPerCall * v / Math.max(1, total))).append(" |\n"));
            sb.append("\n| hottest code (first non-JDK frame from the top) | share |\n| --- | ---: |\n");
            topFrames.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(percent(v, total)).append(" |\n"));
            sb.append("\n| on the stack (non-JDK methods) | share |\n| --- | ---: |\n");
            onStack.forEach((k, v) -> sb.append("| `").append(k).append("` | ").append(percent(v, total)).append(" |\n"));
            return sb.append('\n').toString();
        }

        private static String percent(long part, long total) {
            return total == 0 ? "—" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / total);
        }
    }

    private JfrProfile() {
    }

    /**
     * Warms {@code op} on the session for a fifth of {@code duration}, then records it for
     * {@code duration} and summarizes the samples of the calling thread.
     */
    static Summary record(String title, Contender.Session session, Operation op, Duration duration) throws Exception {
        Path file = Files.createTempFile("bench-", ".jfr");
        try {
            String thread = "bench-profile-" + op.name().toLowerCase(Locale.ROOT);
            runOn(thread + "-warm", session, op, duration.dividedBy(5));
            Run run;
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(PERIOD);
                recording.start();
                run = runOn(thread, session, op, duration);
                recording.stop();
                recording.dump(file);
            }
            return summarize(title, file, thread, run);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Run runOn(String threadName, Contender.Session session, Operation op, Duration duration) throws Exception {
        Run[] run = new Run[1];
        Exception[] failure = new Exception[1];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread t = new Thread(() -> {
            long calls = 0;
            long cpu0 = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            try {
                do {
                    session.run(op);
                    calls++;
                } while (System.nanoTime() < deadline);
                run[0] = new Run(calls, System.nanoTime() - start, threads.getCurrentThreadCpuTime() - cpu0);
            } catch (Exception e) {
                failure[0] = e;
            }
        }, threadName);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return run[0];
    }

    static Summary summarize(String title, Path file, String threadName, Run run) throws IOException {
        long java = 0;
        Map<String, Long> layers = new HashMap<>();
        Map<String, Long> top = new HashMap<>();
        Map<String, Long> onStack = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedThread thread = e.getThread("sampledThread");
            RecordedStackTrace stack = e.getStackTrace();
            if (thread == null || stack == null || !threadName.equals(thread.getJavaName())) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            java++;
            top.merge(firstNonJdk(frames), 1L, Long::sum);
            layers.merge(layerOf(frames), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f.getMethod());
                if (!isJdk(n) && !n.startsWith("dev.jdbcdynamo.bench.") && seen.add(n)) {
                    onStack.merge(n, 1L, Long::sum);
                }
            }
        }
        return new Summary(title, run, java, largest(layers, LAYERS.size() + 1), largest(top, TOP), largest(onStack, TOP + 8));
    }

    private static String layerOf(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f.getMethod());
            for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
                if (n.startsWith(layer.getKey())) {
                    return layer.getValue();
                }
            }
        }
        return "JDK only";
    }

    /** The first frame from the top outside the JDK: the code that asked for the time. */
    private static String firstNonJdk(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f.getMethod());
            if (!isJdk(n)) {
                return n;
            }
        }
        return name(frames.get(0).getMethod());
    }

    private static boolean isJdk(String method) {
        return method.startsWith("java.") || method.startsWith("jdk.") || method.startsWith("sun.") || method.startsWith("javax.");
    }

    /** Class and method; a lambda's generated class name (with its address) becomes {@code $$Lambda}. */
    private static String name(RecordedMethod m) {
        if (m == null) {
            return "?";
        }
        String type = m.getType().getName();
        int lambda = type.indexOf("$$Lambda");
        return (lambda < 0 ? type : type.substring(0, lambda + "$$Lambda".length())) + "." + m.getName();
    }

    private static Map<String, Long> largest(Map<String, Long> counts, int n) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
