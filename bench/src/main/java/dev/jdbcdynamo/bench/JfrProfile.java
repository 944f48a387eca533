package dev.jdbcdynamo.bench;

import java.io.IOException;
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
 * A JFR recording of one operation on one thread, summarized: where the samples fall by layer
 * (the first non-JDK frame from the top; a thread blocked in a socket read is waiting for
 * MariaDB), the hottest frames, and the methods most often on the stack.
 *
 * <p>Java samples ({@code jdk.ExecutionSample}) and native samples ({@code jdk.NativeMethodSample})
 * are taken at the same period, so together their shares approximate where the wall-clock time goes.
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

    /** The summary of one recording. */
    record Summary(String title, long javaSamples, long nativeSamples, Map<String, Long> layers,
                   Map<String, Long> topFrames, Map<String, Long> onStack, long calls) {

        String markdown() {
            long total = javaSamples + nativeSamples;
            StringBuilder sb = new StringBuilder();
            sb.append("#### ").append(title).append("\n\n");
            sb.append(String.format(Locale.ROOT, "%,d calls; %,d samples of the calling thread (%,d running Java, %,d in native"
                    + " code), one every %d ms.%n%n", calls, total, javaSamples, nativeSamples, PERIOD.toMillis()));
            sb.append("| where (first non-JDK frame from the top) | share |\n| --- | ---: |\n");
            layers.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(percent(v, total)).append(" |\n"));
            sb.append("\n| top frame | share |\n| --- | ---: |\n");
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

    /** Records {@code op} on one session for {@code duration} and summarizes the samples of that thread. */
    static Summary record(String title, Contender.Session session, Operation op, Duration duration) throws Exception {
        Path file = Files.createTempFile("bench-", ".jfr");
        try {
            long calls;
            String thread = "bench-profile-" + op.name().toLowerCase(Locale.ROOT);
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ExecutionSample").withPeriod(PERIOD);
                recording.enable("jdk.NativeMethodSample").withPeriod(PERIOD);
                recording.start();
                calls = runOn(thread, session, op, duration);
                recording.stop();
                recording.dump(file);
            }
            return summarize(title, file, thread, calls);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long runOn(String threadName, Contender.Session session, Operation op, Duration duration) throws Exception {
        long[] calls = new long[1];
        Exception[] failure = new Exception[1];
        Thread t = new Thread(() -> {
            long deadline = System.nanoTime() + duration.toNanos();
            try {
                do {
                    session.run(op);
                    calls[0]++;
                } while (System.nanoTime() < deadline);
            } catch (Exception e) {
                failure[0] = e;
            }
        }, threadName);
        t.start();
        t.join();
        if (failure[0] != null) {
            throw failure[0];
        }
        return calls[0];
    }

    static Summary summarize(String title, Path file, String threadName, long calls) throws IOException {
        long java = 0;
        long natives = 0;
        Map<String, Long> layers = new HashMap<>();
        Map<String, Long> top = new HashMap<>();
        Map<String, Long> onStack = new HashMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            boolean nativeSample = type.equals("jdk.NativeMethodSample");
            if (!nativeSample && !type.equals("jdk.ExecutionSample")) {
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
            if (nativeSample) {
                natives++;
            } else {
                java++;
            }
            top.merge(name(frames.get(0).getMethod()), 1L, Long::sum);
            layers.merge(layerOf(frames, nativeSample), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f.getMethod());
                if (!isJdk(n) && !n.startsWith("dev.jdbcdynamo.bench.") && seen.add(n)) {
                    onStack.merge(n, 1L, Long::sum);
                }
            }
        }
        return new Summary(title, java, natives, largest(layers, LAYERS.size() + 2), largest(top, TOP), largest(onStack, TOP + 8), calls);
    }

    private static String layerOf(List<RecordedFrame> frames, boolean nativeSample) {
        String first = name(frames.get(0).getMethod());
        if (nativeSample && (first.contains("Socket") || first.contains("socket") || first.contains("Net.poll")
                || first.contains("EPoll") || first.contains("read0"))) {
            return "waiting for the database (socket read, native)";
        }
        for (RecordedFrame f : frames) {
            String n = name(f.getMethod());
            for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
                if (n.startsWith(layer.getKey())) {
                    return layer.getValue();
                }
            }
        }
        return nativeSample ? "other native code" : "JDK only";
    }

    private static boolean isJdk(String method) {
        return method.startsWith("java.") || method.startsWith("jdk.") || method.startsWith("sun.") || method.startsWith("javax.");
    }

    private static String name(RecordedMethod m) {
        return m == null ? "?" : m.getType().getName() + "." + m.getName();
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
