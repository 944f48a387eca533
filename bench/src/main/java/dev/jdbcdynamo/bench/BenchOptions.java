package dev.jdbcdynamo.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of one run: full (numbers for docs/benchmarks.md, a few minutes) or quick (tiny
 * sizes and durations, seconds; what the test suite runs so the harness cannot rot).
 */
record BenchOptions(boolean quick, List<Integer> threads, Path out, int shards, int pointItems, int queryPartitions,
                    int scanItems, Duration warmup, Duration repetition, int repetitions, int maxCallsPerThread,
                    int firstPlanJvms, Duration profile) {

    static final String USAGE = "options: [--quick] [--threads 1,8] [--out FILE] [--scan ITEMS] [--seconds S]"
            + " [--repetitions N] [--no-profile]";

    BenchOptions {
        threads = List.copyOf(threads);
        if (threads.isEmpty() || threads.stream().anyMatch(t -> t < 1 || t > 64)) {
            throw new IllegalArgumentException("--threads takes counts from 1 to 64");
        }
        if (repetitions < 3) {
            throw new IllegalArgumentException("--repetitions must be at least 3");
        }
    }

    /**
     * The full run's defaults, sized for a 2-core machine to finish in under ten minutes. The scan
     * reads 20,000 items, not 100,000: on 2 cores DynamoDB Local loads under 1,000 items/s and one
     * of eight concurrent scans of 20,000 items already takes 4-10 s.
     */
    static BenchOptions full() {
        return new BenchOptions(false, List.of(1, 8), null, 4, 10_000, 20, 20_000, Duration.ofMillis(750),
                Duration.ofMillis(750), 3, 1_000_000, 3, Duration.ofSeconds(5));
    }

    /** Tiny sizes and durations: every row and column, in seconds. */
    static BenchOptions quickRun() {
        return new BenchOptions(true, List.of(1, 8), null, 4, 200, 2, 300, Duration.ofMillis(20), Duration.ofMillis(20),
                3, 100_000, 1, Duration.ofMillis(200));
    }

    Dataset dataset() {
        return new Dataset(pointItems, queryPartitions, scanItems);
    }

    int maxThreads() {
        return threads.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    boolean profiling() {
        return !profile.isZero();
    }

    static BenchOptions parse(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        BenchOptions o = quick ? quickRun() : full();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick" -> {
                }
                case "--threads" -> o = o.withThreads(parseThreads(value(args, ++i, a)));
                case "--out" -> o = o.withOut(Path.of(value(args, ++i, a)));
                case "--scan" -> o = o.withScanItems(Integer.parseInt(value(args, ++i, a)));
                case "--seconds" -> o = o.withRepetition(Duration.ofMillis((long) (Double.parseDouble(value(args, ++i, a)) * 1000)));
                case "--repetitions" -> o = o.withRepetitions(Integer.parseInt(value(args, ++i, a)));
                case "--no-profile" -> o = o.withProfile(Duration.ZERO);
                default -> throw new IllegalArgumentException("unknown option '" + a + "'; " + USAGE);
            }
        }
        return o;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value; " + USAGE);
        }
        return args[i];
    }

    private static List<Integer> parseThreads(String text) {
        List<Integer> out = new ArrayList<>();
        for (String part : text.split(",")) {
            out.add(Integer.parseInt(part.trim()));
        }
        return out;
    }

    BenchOptions withThreads(List<Integer> t) {
        return new BenchOptions(quick, t, out, shards, pointItems, queryPartitions, scanItems, warmup, repetition,
                repetitions, maxCallsPerThread, firstPlanJvms, profile);
    }

    BenchOptions withOut(Path p) {
        return new BenchOptions(quick, threads, p, shards, pointItems, queryPartitions, scanItems, warmup, repetition,
                repetitions, maxCallsPerThread, firstPlanJvms, profile);
    }

    BenchOptions withScanItems(int n) {
        return new BenchOptions(quick, threads, out, shards, pointItems, queryPartitions, n, warmup, repetition,
                repetitions, maxCallsPerThread, firstPlanJvms, profile);
    }

    BenchOptions withRepetition(Duration d) {
        return new BenchOptions(quick, threads, out, shards, pointItems, queryPartitions, scanItems, d, d,
                repetitions, maxCallsPerThread, firstPlanJvms, profile);
    }

    BenchOptions withRepetitions(int n) {
        return new BenchOptions(quick, threads, out, shards, pointItems, queryPartitions, scanItems, warmup, repetition,
                n, maxCallsPerThread, firstPlanJvms, profile);
    }

    BenchOptions withProfile(Duration d) {
        return new BenchOptions(quick, threads, out, shards, pointItems, queryPartitions, scanItems, warmup, repetition,
                repetitions, maxCallsPerThread, firstPlanJvms, d);
    }
}
