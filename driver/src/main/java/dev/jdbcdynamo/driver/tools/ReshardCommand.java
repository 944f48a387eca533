package dev.jdbcdynamo.driver.tools;

import dev.jdbcdynamo.driver.config.DynamoUrl;
import dev.jdbcdynamo.engine.storage.Resharding;
import dev.jdbcdynamo.sharding.reshard.ReshardListener;
import dev.jdbcdynamo.sharding.reshard.ReshardPhase;
import dev.jdbcdynamo.sharding.reshard.ReshardReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The resharding command:
 *
 * <pre>
 * java -cp jdbc-dynamo.jar dev.jdbcdynamo.driver.tools.ReshardCommand [--grace-millis N] URL add NAME JDBC_URL
 *                                                                      ... URL remove NAME
 *                                                                      ... URL status | resume | rollback
 * </pre>
 *
 * <p>URL is the applications' {@code jdbc:dynamo:config=...} (or {@code mysql://}) URL; user and
 * password come from the topology file, the URL query, or the DYNAMO_USER / DYNAMO_PASSWORD
 * environment variables. Progress goes to standard output; exit code 0 on success, 1 on
 * failure, 2 on bad usage.
 */
public final class ReshardCommand {
    private ReshardCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. */
    public static int run(String[] argv, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(List.of(argv));
        long grace = Resharding.DEFAULT_GRACE_MILLIS;
        if (args.size() >= 2 && args.get(0).equals("--grace-millis")) {
            try {
                grace = Long.parseLong(args.get(1));
            } catch (NumberFormatException e) {
                return usage(err, "--grace-millis needs a number");
            }
            args = args.subList(2, args.size());
        }
        if (args.size() < 2) {
            return usage(err, "missing arguments");
        }
        String url = args.get(0);
        String action = args.get(1).toLowerCase(Locale.ROOT);
        Properties props = new Properties();
        String user = System.getenv("DYNAMO_USER");
        String password = System.getenv("DYNAMO_PASSWORD");
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        ReshardListener listener = (phase, done, message) ->
                out.printf(Locale.ROOT, "[%-8s %3.0f%%] %s%n", phase, 100 * done, message);
        try (Resharding resharding = Resharding.open(DynamoUrl.parse(url, props).toConfig()).graceMillis(grace)) {
            switch (action) {
                case "add" -> {
                    if (args.size() != 4) {
                        return usage(err, "add needs NAME and JDBC_URL");
                    }
                    report(out, resharding.addShard(args.get(2), args.get(3), listener));
                }
                case "remove" -> {
                    if (args.size() != 3) {
                        return usage(err, "remove needs NAME");
                    }
                    report(out, resharding.removeShard(args.get(2), listener));
                }
                case "resume" -> {
                    ReshardPhase phase = resharding.resume(listener);
                    out.println(phase == null ? "no resharding in progress"
                            : "the resharding interrupted in phase " + phase + " is " + (phase.ordinal()
                            >= ReshardPhase.PUBLISH.ordinal() ? "finished" : "rolled back"));
                }
                case "rollback" -> out.println(resharding.rollback(listener) ? "rolled back" : "no resharding in progress");
                case "status" -> out.println("ring: " + resharding.ring().shards() + " (" + resharding.ring().toText() + ")");
                default -> {
                    return usage(err, "unknown action '" + action + "'");
                }
            }
            return 0;
        } catch (Exception e) {
            err.println("resharding failed: " + e.getMessage());
            return 1;
        }
    }

    private static void report(PrintStream out, ReshardReport report) {
        out.println(report);
        out.println("Update the topology file of new processes to the shards " + report.to().shards() + ".");
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: ReshardCommand [--grace-millis N] <jdbc:dynamo URL> add <name> <jdbc:mysql://host:port/db>");
        err.println("       ReshardCommand <jdbc:dynamo URL> remove <name>");
        err.println("       ReshardCommand <jdbc:dynamo URL> status | resume | rollback");
        return 2;
    }
}
