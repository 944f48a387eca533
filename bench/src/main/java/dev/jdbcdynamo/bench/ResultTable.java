package dev.jdbcdynamo.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The results, operation x contender for each thread count: throughput, p50 and p99 (median
 * and min..max over the repetitions) and the throughput ratio to raw JDBC, rendered as Markdown.
 */
final class ResultTable {
    static final List<String> HEADER = List.of("operation", "contender", "throughput, calls/s", "p50, µs", "p99, µs",
            "vs raw JDBC");
    private static final String NONE = "—";
    private static final String ONE_PER_JVM = "— (one call per JVM)";

    /** One cell group: a measurement, or the reason there is none. */
    record Row(int threads, Operation op, String contender, Statistics.Measurement measurement, String note) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final Dataset data;

    ResultTable(Dataset data) {
        this.data = data;
    }

    void add(int threads, Operation op, String contender, Statistics.Measurement measurement) {
        rows.add(new Row(threads, op, contender, measurement, null));
    }

    void skip(int threads, Operation op, String contender, String note) {
        rows.add(new Row(threads, op, contender, null, note));
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    Set<Integer> threadCounts() {
        Set<Integer> counts = new LinkedHashSet<>();
        rows.forEach(r -> counts.add(r.threads()));
        return counts;
    }

    Optional<Statistics.Measurement> find(int threads, Operation op, String contender) {
        return rows.stream()
                .filter(r -> r.threads() == threads && r.op() == op && r.contender().equals(contender) && r.measurement() != null)
                .map(Row::measurement)
                .findFirst();
    }

    /** Median throughput of {@code contender} divided by raw JDBC's, when both were measured. */
    Optional<Double> ratioToRaw(int threads, Operation op, String contender) {
        Optional<Statistics.Measurement> raw = find(threads, op, RawJdbcContender.NAME);
        Optional<Statistics.Measurement> mine = find(threads, op, contender);
        if (raw.isEmpty() || mine.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(mine.get().throughput().median() / raw.get().throughput().median());
    }

    /** The cells of one thread count's table, in {@link #HEADER} order. */
    List<List<String>> cells(int threads) {
        List<List<String>> out = new ArrayList<>();
        for (Row r : rows) {
            if (r.threads() != threads) {
                continue;
            }
            List<String> line = new ArrayList<>();
            line.add(r.op().label(data));
            line.add(r.contender());
            if (r.measurement() == null) {
                line.add(r.note());
                line.add(NONE);
                line.add(NONE);
                line.add(NONE);
            } else if (r.op() == Operation.PLAN_FIRST) {
                // One call per JVM: its latency, over the JVMs; no throughput or tail to speak of.
                line.add(ONE_PER_JVM);
                line.add(spread(r.measurement().p50Micros()));
                line.add(ONE_PER_JVM);
                line.add(NONE);
            } else if (r.op() == Operation.GSI_LAG) {
                // A latency from one writer's insert to its visibility: no throughput to speak of.
                line.add(NONE);
                line.add(spread(r.measurement().p50Micros()));
                line.add(spread(r.measurement().p99Micros()));
                line.add(NONE);
            } else {
                Statistics.Measurement m = r.measurement();
                line.add(spread(m.throughput()));
                line.add(spread(m.p50Micros()));
                line.add(spread(m.p99Micros()));
                line.add(ratioToRaw(threads, r.op(), r.contender()).map(ResultTable::ratio).orElse(NONE));
            }
            out.add(line);
        }
        return out;
    }

    String markdown(int threads) {
        StringBuilder sb = new StringBuilder();
        sb.append(markdownRow(HEADER));
        sb.append(markdownRow(HEADER.stream().map(h -> h.equals("operation") || h.equals("contender") ? "---" : "---:").toList()));
        for (List<String> line : cells(threads)) {
            sb.append(markdownRow(line));
        }
        return sb.toString();
    }

    /** Operation x contender with the throughput ratio to raw JDBC only. */
    String ratioMatrix(int threads, List<String> contenders) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("operation");
        header.addAll(contenders);
        sb.append(markdownRow(header));
        sb.append(markdownRow(header.stream().map(h -> h.equals("operation") ? "---" : "---:").toList()));
        Set<Operation> ops = new LinkedHashSet<>();
        rows.stream().filter(r -> r.threads() == threads && !r.op().planning()).forEach(r -> ops.add(r.op()));
        for (Operation op : ops) {
            List<String> line = new ArrayList<>();
            line.add(op.label(data));
            for (String c : contenders) {
                Optional<Row> row = rows.stream().filter(r -> r.threads() == threads && r.op() == op && r.contender().equals(c)).findFirst();
                if (row.isPresent() && row.get().measurement() == null) {
                    line.add(row.get().note());
                } else {
                    line.add(ratioToRaw(threads, op, c).map(ResultTable::ratio).orElse(NONE));
                }
            }
            sb.append(markdownRow(line));
        }
        return sb.toString();
    }

    private static String markdownRow(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    static String spread(Statistics.Spread s) {
        return number(s.median()) + " (" + number(s.min()) + "–" + number(s.max()) + ")";
    }

    static String ratio(double r) {
        return String.format(Locale.ROOT, r >= 10 ? "%.0f×" : "%.2f×", r);
    }

    /** Three significant digits at most, thousands grouped. */
    static String number(double v) {
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
