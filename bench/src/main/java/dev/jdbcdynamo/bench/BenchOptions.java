package dev.jdbcdynamo.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The settings of one run: full (numbers for docs/benchmarks.md, a few minutes) or quick (tiny
 * sizes and durations, seconds; what the test suite runs so the harness cannot rot).
 */
record BenchOptions(boolean quick, List<Integer> threads, Path out, int shards, int pointItems, int queryPartitions,
                    int scanItems, Duration warmup, Duration repetition, int repetitions, int maxCallsPerThread,
                    int firstPlanJvms, Duration profile, Set<Operation> ops, Set<String> contenders,
                    Duration jitWarmup) {

    static final String USAGE = "options: [--quick] [--threads 1,8] [--out FILE] [--scan ITEMS] [--seconds S]"
            + " [--repetitions N] [--no-profile] [--jit-warmup S] [--ops get,transaction,...] [--contenders raw,sharding,prepared,literal,local]";

    /** The short names {@code --contenders} takes, in the order the tables list the contenders. */
    static final List<String> CONTENDERS = List.of("raw", "sharding", "prepared", "literal", "local");

    BenchOptions {
        threads = List.copyOf(threads);
        ops = ops.isEmpty() ? EnumSet.noneOf(Operation.class) : EnumSet.copyOf(ops);
        contenders = Set.copyOf(contenders);
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
                Duration.ofMillis(750), 3, 1_000_000, 3, Duration.ofSeconds(5), EnumSet.allOf(Operation.class),
                Set.copyOf(CONTENDERS), Duration.ofSeconds(30));
    }

    /** Tiny sizes and durations: every row and column, in seconds. */
    static BenchOptions quickRun() {
        return new BenchOptions(true, List.of(1, 8), null, 4, 200, 2, 300, Duration.ofMillis(20), Duration.ofMillis(20),
                3, 100_000, 1, Duration.ofMillis(200), EnumSet.allOf(Operation.class), Set.copyOf(CONTENDERS),
                Duration.ZERO);
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

    /** True when every operation and contender runs: only such a run may stand for the docs' table. */
    boolean complete() {
        return ops.size() == Operation.values().length && contenders.containsAll(CONTENDERS);
    }

    boolean runs(Operation op) {
        return ops.contains(op);
    }

    boolean runs(String contender) {
        return contenders.contains(contender);
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
                case "--jit-warmup" -> o = o.withJitWarmup(Duration.ofMillis((long) (Double.parseDouble(value(args, ++i, a)) * 1000)));
                case "--ops" -> o = o.withOps(parseOps(value(args, ++i, a)));
                case "--contenders" -> o = o.withContenders(parseContenders(value(args, ++i, a)));
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

    private static Set<Operation> parseOps(String text) {
        Set<Operation> out = EnumSet.noneOf(Operation.class);
        for (String part : text.split(",")) {
            try {
                out.add(Operation.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--ops: unknown operation '" + part.trim() + "'; one of "
                        + Arrays.stream(Operation.values()).map(op -> op.name().toLowerCase(Locale.ROOT)).toList());
            }
        }
        return out;
    }

    private static Set<String> parseContenders(String text) {
        Set<String> out = new HashSet<>();
        for (String part : text.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (!CONTENDERS.contains(name)) {
                throw new IllegalArgumentException("--contenders: unknown contender '" + part.trim() + "'; one of " + CONTENDERS);
            }
            out.add(name);
        }
        return out;
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
                repetitions, maxCallsPerThread, firstPlanJvms, profile, ops, contenders, jitWarmup);
    }

    BenchOptions withOut(Path p) {
        return new BenchOptions(quick, threads, p, shards, pointItems, queryPartitions, scanItems, warmup, repetition,
                repetitions, maxCallsPerThread, firstPlanJvms, profile, ops, contenders, jitWarmup);
    }

    BenchOptions withScanItems(int n) {
        return new BenchOptions(quick, threads, out, shards, pointItems, queryPartitions, n, warmup, repetition,
                repetitions, maxCallsPerThread, firstPlanJvms, profile, ops, contenders, jitWarmup);
    }

    BenchOptions withRepetition(Duration d) {
        return new BenchOptions(quick, threads, out, shards, pointItems, queryPartitions, scanItems, d, d,
                repetitions, maxCallsPerThread, firstPlanJvms, profile, ops, contenders, jitWarmup);
    }

    BenchOptions withRepetitions(int n) {
        return new BenchOptions(quick, threads, out, shards, pointItems, queryPartitions, scanItems, warmup, repetition,
                n, maxCallsPerThread, firstPlanJvms, profile, ops, contenders, jitWarmup);
    }

    BenchOptions withProfile(Duration d) {
        return new BenchOptions(quick, threads, out, shards, pointItems, queryPartitions, scanItems, warmup, repetition,
                repetitions, maxCallsPerThread, firstPlanJvms, d, ops, contenders, jitWarmup);
    }

    BenchOptions withJitWarmup(Duration d) {
        return new BenchOptions(quick, threads, out, shards, pointItems, queryPartitions, scanItems, warmup, repetition,
                repetitions, maxCallsPerThread, firstPlanJvms, profile, ops, contenders, d);
    }

    BenchOptions withOps(Set<Operation> o) {
        return new BenchOptions(quick, threads, out, shards, pointItems, queryPartitions, scanItems, warmup, repetition,
                repetitions, maxCallsPerThread, firstPlanJvms, profile, o, contenders, jitWarmup);
    }

    BenchOptions withContenders(Set<String> c) {
        return new BenchOptions(quick, threads, out, shards, pointItems, queryPartitions, scanItems, warmup, repetition,
                repetitions, maxCallsPerThread, firstPlanJvms, profile, ops, c, jitWarmup);
    }
}
