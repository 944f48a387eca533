package dev.jdbcdynamo.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One benchmark run: starts the shared MariaDB and DynamoDB Local, loads every contender,
 * measures every operation on every contender at every thread count (warm-up, then repetitions),
 * the first plan in new JVMs, profiles with JFR, and judges the goals.
 */
final class Harness {
    private static final int LOADERS = 4;

    private final BenchOptions options;
    private final PrintStream log;
    private final Dataset data;
    private final ResultTable table;
    private final Map<String, String> loadTimes = new LinkedHashMap<>();
    private int sessions;

    private Harness(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
        this.data = options.dataset();
        this.table = new ResultTable(data);
    }

    static BenchReport run(BenchOptions options, PrintStream log) throws Exception {
        return new Harness(options, log).run();
    }

    private BenchReport run() throws Exception {
        long started = System.nanoTime();
        List<Contender> contenders = new ArrayList<>();
        DynamoJdbcTables dynamoTables = null;
        try (BenchServer server = BenchServer.start()) {
            MachineInfo machine = MachineInfo.collect(server.version());
            if (options.runs("raw") || options.runs("sharding")) {
                RawTables raw = new RawTables(server, options.shards());
                timed("raw JDBC and ShardingSphere (batched INSERTs per shard)", () -> raw.createAndLoad(data));
                if (options.runs("raw")) {
                    contenders.add(new RawJdbcContender(raw, data));
                }
                if (options.runs("sharding")) {
                    contenders.add(new ShardingSphereContender(raw, data, options.maxThreads()));
                }
            }
            DynamoJdbcContender prepared = null;
            if (options.runs("prepared") || options.runs("literal")) {
                DynamoJdbcTables[] holder = new DynamoJdbcTables[1];
                timed("jdbc:dynamo (one INSERT per item, " + LOADERS + " connections)", () -> holder[0] =
                        DynamoJdbcTables.createAndLoad(options.shards(), options.maxThreads() + 2, data, LOADERS));
                dynamoTables = holder[0];
                prepared = DynamoJdbcContender.prepared(dynamoTables, data);
                if (options.runs("prepared")) {
                    contenders.add(prepared);
                }
                if (options.runs("literal")) {
                    contenders.add(DynamoJdbcContender.literal(dynamoTables, data));
                }
            }
            if (options.runs("local")) {
                DynamoLocalContender[] local = new DynamoLocalContender[1];
                timed("DynamoDB Local (BatchExecuteStatement of 25, " + LOADERS + " threads)", () -> local[0] =
                        DynamoLocalContender.startAndLoad(data, options.maxThreads(), LOADERS));
                contenders.add(local[0]);
            }

            if (options.runs("prepared") && options.runs(Operation.PLAN_FIRST)) {
                measureFirstPlan(server);
            }
            if (options.runs("prepared") && options.runs(Operation.GSI_LAG)) {
                measureGsiLag(dynamoTables);
            }
            for (int threads : options.threads()) {
                for (Contender c : contenders) {
                    measure(c, threads);
                }
            }
            List<Goals.Goal> goals = Goals.evaluate(table);
            List<JfrProfile.Summary> profiles = options.profiling() && options.runs("prepared")
                    ? profile(prepared, goals) : List.of();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new BenchReport(machine, options, data, table, goals, profiles,
                    contenders.stream().map(Contender::name).toList(), loadTimes, took);
        } finally {
            for (Contender c : contenders) {
                closeQuietly(c);
            }
            if (dynamoTables != null) {
                closeQuietly(dynamoTables);
            }
        }
    }

    private void measureFirstPlan(BenchServer server) throws Exception {
        log.printf("first plan in %d new JVM(s)...%n", options.firstPlanJvms());
        List<Statistics.Sample> samples = List.of(FirstPlan.measure(FirstPlan.mysqlUrl(server, options.shards()),
                options.firstPlanJvms()));
        int first = options.threads().get(0);
        table.add(first, Operation.PLAN_FIRST, DynamoJdbcContender.PREPARED_NAME, Statistics.summarize(samples));
        for (int threads : options.threads()) {
            if (threads != first) {
                table.skip(threads, Operation.PLAN_FIRST, DynamoJdbcContender.PREPARED_NAME,
                        "once per JVM: see " + first + " thread(s)");
            }
        }
    }

    /** GSI propagation lag, single writer, on an otherwise idle database. */
    private void measureGsiLag(DynamoJdbcTables tables) throws Exception {
        int samples = options.quick() ? 200 : 2_000;
        log.printf("GSI propagation lag, %d samples...%n", samples);
        Statistics.Sample sample = GsiLag.measure(tables.url(), samples);
        int first = options.threads().get(0);
        Statistics.Measurement m = Statistics.summarize(List.of(sample, sample, sample));
        table.add(first, Operation.GSI_LAG, DynamoJdbcContender.PREPARED_NAME, m);
        log.printf(Locale.ROOT, "GSI propagation lag p50 %s µs, p99 %s µs%n", ResultTable.number(m.p50Micros().median()),
                ResultTable.number(m.p99Micros().median()));
        for (int threads : options.threads()) {
            if (threads != first) {
                table.skip(threads, Operation.GSI_LAG, DynamoJdbcContender.PREPARED_NAME,
                        "measured with one writer: see " + first + " thread(s)");
            }
        }
    }

    private void measure(Contender c, int threads) throws Exception {
        List<Contender.Session> open = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                open.add(c.open(sessions++));
            }
            LoadRunner runner = new LoadRunner(options.maxCallsPerThread());
            if (threads == options.threads().get(0)) {
                warmUpJit(c, open, runner);
            }
            for (Operation op : measured(c)) {
                String reason = c.skipReason(op);
                if (reason != null) {
                    if (!op.planning()) {
                        table.skip(threads, op, c.name(), reason);
                    }
                    continue;
                }
                runner.run(open, op, options.warmup().toNanos());
                List<Statistics.Sample> reps = new ArrayList<>();
                for (int r = 0; r < options.repetitions(); r++) {
                    reps.add(runner.run(open, op, options.repetition().toNanos()));
                }
                Statistics.Measurement m = Statistics.summarize(reps);
                table.add(threads, op, c.name(), m);
                log.printf(Locale.ROOT, "%2d thread(s) %-34s %-50s %s calls/s, p50 %s µs, p99 %s µs%n", threads, c.name(),
                        op.label(data), ResultTable.spread(m.throughput()), ResultTable.number(m.p50Micros().median()),
                        ResultTable.number(m.p99Micros().median()));
            }
        } finally {
            for (Contender.Session s : open) {
                closeQuietly(s);
            }
        }
    }

    /** The operations measured on a contender, in table order (skipped ones included, with their reason). */
    private List<Operation> measured(Contender c) {
        List<Operation> ops = new ArrayList<>();
        for (Operation op : Operation.values()) {
            if (op != Operation.PLAN_FIRST && op != Operation.GSI_LAG && options.runs(op)) {
                ops.add(op);
            }
        }
        return ops;
    }

    /**
     * Runs the contender's operations in turn, unmeasured, for {@code --jit-warmup} seconds before
     * its first measurement. A per-operation warm-up of a second leaves a deep call stack (the
     * driver: parser, planner, ShardingSphere, connector-j) partly interpreted: the driver's get
     * needed about 8 s of calls to reach its steady CPU cost, raw JDBC's about one (a 1-thread get
     * measured 0.30x raw after 8 s of warm-up over all operations, 0.63x after 30 s, 0.93x after
     * 20 s of gets alone).
     */
    private void warmUpJit(Contender c, List<Contender.Session> open, LoadRunner runner) throws Exception {
        List<Operation> ops = measured(c).stream().filter(op -> c.skipReason(op) == null).toList();
        if (options.jitWarmup().isZero() || ops.isEmpty()) {
            return;
        }
        log.printf(Locale.ROOT, "warming up %s for %.0f s...%n", c.name(), options.jitWarmup().toMillis() / 1e3);
        long slice = Math.max(options.jitWarmup().toNanos() / (ops.size() * 8L), 50_000_000L);
        long end = System.nanoTime() + options.jitWarmup().toNanos();
        while (System.nanoTime() < end) {
            for (Operation op : ops) {
                runner.run(open, op, slice);
            }
        }
    }

    /** Profiles the driver's get, and the operation of each missed ratio goal and of a missed new-plan goal. */
    private List<JfrProfile.Summary> profile(DynamoJdbcContender prepared, List<Goals.Goal> goals) throws Exception {
        List<Operation> ops = new ArrayList<>();
        if (options.runs(Operation.GET)) {
            ops.add(Operation.GET);
        }
        for (Goals.Goal g : goals) {
            boolean profilable = g.op() != null && (!g.op().planning() || g.op() == Operation.PLAN_NEW);
            if (!g.met() && profilable && options.runs(g.op()) && !ops.contains(g.op())) {
                ops.add(g.op());
            }
        }
        List<JfrProfile.Summary> out = new ArrayList<>();
        try (Contender.Session session = prepared.open(sessions++)) {
            for (Operation op : ops) {
                log.printf("profiling jdbc:dynamo %s with JFR...%n", op.label(data));
                out.add(JfrProfile.record("jdbc:dynamo (PreparedStatement): " + op.label(data) + ", 1 thread",
                        session, op, options.profile()));
            }
        }
        return out;
    }

    private void timed(String what, Step step) throws Exception {
        log.printf("loading %s...%n", what);
        long t0 = System.nanoTime();
        step.run();
        String took = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9);
        loadTimes.put(what, took);
        log.printf("loaded %s in %s%n", what, took);
    }

    private void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.println("closing " + c + " failed: " + e);
        }
    }

    /** A setup step that may throw. */
    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}
