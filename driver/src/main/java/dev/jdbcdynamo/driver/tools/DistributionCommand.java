package dev.jdbcdynamo.driver.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Shows how a database is spread over its shards ({@code SHOW DISTRIBUTION}) as a text table,
 * and with {@code --html FILE} as a self-contained HTML page with bar charts:
 *
 * <pre>
 * java -cp jdbc-dynamo.jar dev.jdbcdynamo.driver.tools.DistributionCommand URL [--html distribution.html]
 * </pre>
 */
public final class DistributionCommand {
    private DistributionCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** A row of SHOW DISTRIBUTION. */
    record Row(String shard, String location, int ranges, String keyspacePercent, String table, long items, long bytes,
               String replicas) {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 1 && !(args.length == 3 && args[1].equals("--html"))) {
            err.println("usage: DistributionCommand <jdbc:dynamo URL> [--html <file>]");
            return 2;
        }
        Properties props = new Properties();
        if (System.getenv("DYNAMO_USER") != null) {
            props.setProperty("user", System.getenv("DYNAMO_USER"));
        }
        if (System.getenv("DYNAMO_PASSWORD") != null) {
            props.setProperty("password", System.getenv("DYNAMO_PASSWORD"));
        }
        List<Row> rows = new ArrayList<>();
        long version;
        try (Connection c = DriverManager.getConnection(args[0], props); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW DISTRIBUTION")) {
            version = 0;
            while (rs.next()) {
                rows.add(new Row(rs.getString("SHARD"), rs.getString("LOCATION"), rs.getInt("RANGES"),
                        rs.getString("KEYSPACE_PERCENT"), rs.getString("TABLE_NAME"), rs.getLong("ITEMS"),
                        rs.getLong("BYTES"), rs.getString("REPLICAS")));
                version = rs.getLong("RING_VERSION");
            }
        } catch (SQLException e) {
            err.println("cannot read the distribution: " + e.getMessage());
            return 1;
        }
        out.printf(Locale.ROOT, "%-10s %7s %9s  %-24s %10s %12s  %s%n", "SHARD", "RANGES", "KEYSPACE", "TABLE", "ITEMS",
                "BYTES", "REPLICAS");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-10s %7d %8s%%  %-24s %10d %12d  %s%n", r.shard(), r.ranges(), r.keyspacePercent(),
                    r.table(), r.items(), r.bytes(), r.replicas().isEmpty() ? "-" : r.replicas());
        }
        out.println("ring version " + version);
        if (args.length == 3) {
            try {
                Files.writeString(Path.of(args[2]), html(rows, version), StandardCharsets.UTF_8);
                out.println("wrote " + args[2]);
            } catch (IOException e) {
                err.println("cannot write " + args[2] + ": " + e.getMessage());
                return 1;
            }
        }
        return 0;
    }

    /** A page with one bar per shard: its keyspace share and, per table, its share of the items. */
    static String html(List<Row> rows, long version) {
        Map<String, Long> itemsPerTable = new LinkedHashMap<>();
        Map<String, List<Row>> byShard = new LinkedHashMap<>();
        for (Row r : rows) {
            itemsPerTable.merge(r.table(), r.items(), Long::sum);
            byShard.computeIfAbsent(r.shard(), k -> new ArrayList<>()).add(r);
        }
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<title>jdbc:dynamo distribution</title><style>"
                + "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
                + "td,th{padding:4px 10px;text-align:left;border-bottom:1px solid #ddd}"
                + ".bar{height:14px;background:#4a7fd4;display:inline-block}.ks{background:#9aa}"
                + "</style></head><body>\n<h1>Distribution over " + byShard.size() + " shards (ring version "
                + version + ")</h1>\n<table><tr><th>shard</th><th>table</th><th>items</th><th>share of the table's items</th>"
                + "<th>bytes</th><th>keyspace share</th><th>replicas</th></tr>\n");
        for (Map.Entry<String, List<Row>> shard : byShard.entrySet()) {
            for (Row r : shard.getValue()) {
                long total = itemsPerTable.getOrDefault(r.table(), 0L);
                double share = total == 0 ? 0 : 100.0 * r.items() / total;
                double keyspace = Double.parseDouble(r.keyspacePercent());
                h.append(String.format(Locale.ROOT, "<tr><td>%s<br><small>%s</small></td><td>%s</td><td>%d</td>"
                                + "<td><span class=\"bar\" style=\"width:%.0fpx\"></span> %.1f%%</td><td>%d</td>"
                                + "<td><span class=\"bar ks\" style=\"width:%.0fpx\"></span> %.1f%% (%d ranges)</td><td>%s</td></tr>%n",
                        escape(r.shard()), escape(r.location()), escape(r.table()), r.items(), 3 * share, share, r.bytes(),
                        3 * keyspace, keyspace, r.ranges(), escape(r.replicas().isEmpty() ? "-" : r.replicas())));
            }
        }
        return h.append("</table>\n</body></html>\n").toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
