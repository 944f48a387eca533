package dev.jdbcdynamo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the numbers were measured on: machine, JVM, component versions and date. */
record MachineInfo(Map<String, String> facts) {

    static MachineInfo collect(String mariaDbVersion) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        facts.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        String cpu = cpuModel();
        if (cpu != null) {
            facts.put("CPU", cpu);
        }
        facts.put("memory", gibibytes(totalMemory()) + " GiB");
        facts.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        facts.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", heap max " + gibibytes(Runtime.getRuntime().maxMemory()) + " GiB, "
                + ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X") && !a.startsWith("-XX:Flight")).toList());
        facts.put("load average (1 min) at start", loadAverage());
        facts.put("MariaDB", mariaDbVersion + " (embedded, one server for every contender, loopback)");
        // name=version lines written by the build (resource filtering), in their order.
        try (InputStream in = MachineInfo.class.getResourceAsStream("versions.txt")) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.startsWith("#")) {
                        facts.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MachineInfo(Collections.unmodifiableMap(facts));
    }

    /** The system's 1-minute load average: other processes compete for the same cores. */
    static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.2f", load);
    }

    int cores() {
        return Integer.parseInt(facts.get("cores"));
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }

    private static String gibibytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (1024.0 * 1024 * 1024));
    }

    private static String cpuModel() {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(info)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(info);
            return lines.stream().filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        facts.forEach((k, v) -> sb.append("* ").append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }
}
