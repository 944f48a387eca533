package dev.jdbcdynamo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The project's performance goals, judged against the measured table (jdbc:dynamo with PreparedStatement). */
final class Goals {
    private static final String DRIVER = DynamoJdbcContender.PREPARED_NAME;

    /** One goal at one thread count, with what was measured and whether it was met. */
    record Goal(String goal, int threads, String measured, boolean met, Operation op) {
    }

    private Goals() {
    }

    static List<Goal> evaluate(ResultTable table) {
        List<Goal> goals = new ArrayList<>();
        for (int threads : table.threadCounts()) {
            ratioGoal(goals, table, threads, Operation.GET, 0.85);
            ratioGoal(goals, table, threads, Operation.INSERT, 0.7);
            ratioGoal(goals, table, threads, Operation.QUERY, 0.8);
        }
        if (table.threadCounts().isEmpty()) {
            return goals;
        }
        int first = table.threadCounts().iterator().next();
        latencyGoal(goals, table, first, Operation.PLAN_CACHED, 5);
        latencyGoal(goals, table, first, Operation.PLAN_NEW, 300);
        for (int threads : table.threadCounts()) {
            dynamoLocalGoal(goals, table, threads);
        }
        return goals;
    }

    private static void ratioGoal(List<Goal> goals, ResultTable table, int threads, Operation op, double target) {
        Optional<Double> ratio = table.ratioToRaw(threads, op, DRIVER);
        String goal = shortName(op) + " throughput >= " + target + "× raw JDBC";
        goals.add(ratio.map(r -> new Goal(goal, threads, ResultTable.ratio(r), r >= target, op))
                .orElseGet(() -> new Goal(goal, threads, "not measured", false, op)));
    }

    private static void latencyGoal(List<Goal> goals, ResultTable table, int threads, Operation op, double micros) {
        String goal = (op == Operation.PLAN_CACHED ? "cached plan" : "new plan, warm") + " p50 < " + (int) micros + " µs";
        goals.add(table.find(threads, op, DRIVER)
                .map(m -> new Goal(goal, threads, ResultTable.number(m.p50Micros().median()) + " µs",
                        m.p50Micros().median() < micros, op))
                .orElseGet(() -> new Goal(goal, threads, "not measured", false, op)));
    }

    /** Every operation both measured at least 20x DynamoDB Local's throughput; lists the ones below. */
    private static void dynamoLocalGoal(List<Goal> goals, ResultTable table, int threads) {
        List<String> misses = new ArrayList<>();
        double worst = Double.MAX_VALUE;
        String worstOp = null;
        for (Operation op : Operation.values()) {
            Optional<Statistics.Measurement> mine = table.find(threads, op, DRIVER);
            Optional<Statistics.Measurement> local = table.find(threads, op, DynamoLocalContender.NAME);
            if (mine.isEmpty() || local.isEmpty()) {
                continue;
            }
            double r = mine.get().throughput().median() / local.get().throughput().median();
            if (r < worst) {
                worst = r;
                worstOp = shortName(op);
            }
            if (r < 20) {
                misses.add(shortName(op) + " " + ResultTable.ratio(r));
            }
        }
        String goal = "every operation >= 20× DynamoDB Local's throughput";
        if (worstOp == null) {
            goals.add(new Goal(goal, threads, "not measured", false, null));
        } else if (misses.isEmpty()) {
            goals.add(new Goal(goal, threads, "lowest: " + worstOp + " " + ResultTable.ratio(worst), true, null));
        } else {
            goals.add(new Goal(goal, threads, "below: " + String.join(", ", misses), false, null));
        }
    }

    private static String shortName(Operation op) {
        return op.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String markdown(List<Goal> goals) {
        StringBuilder sb = new StringBuilder("| goal | threads | measured | met |\n| --- | ---: | --- | --- |\n");
        for (Goal g : goals) {
            sb.append("| ").append(g.goal()).append(" | ").append(g.threads()).append(" | ").append(g.measured())
                    .append(" | ").append(g.met() ? "yes" : "**no**").append(" |\n");
        }
        return sb.toString();
    }
}
