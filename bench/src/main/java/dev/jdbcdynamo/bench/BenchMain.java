package dev.jdbcdynamo.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs the benchmarks and prints (and with {@code --out}, writes) the results as Markdown:
 * {@code ./mvnw -q -B -pl bench exec:exec [-Dbench.args="--quick --threads 1,8 --out FILE"]}.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            BenchOptions options = BenchOptions.parse(args);
            BenchReport report = Harness.run(options, System.err);
            String markdown = report.markdown();
            System.out.println(markdown);
            if (options.out() != null) {
                Path out = options.out().toAbsolutePath().normalize();
                if (out.getParent() != null) {
                    Files.createDirectories(out.getParent());
                }
                Files.writeString(out, markdown, StandardCharsets.UTF_8);
                System.err.println("wrote " + out);
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            status = 2;
        } catch (Exception e) {
            e.printStackTrace();
            status = 1;
        }
        // DynamoDB Local and the pools leave non-daemon threads behind even when closed.
        System.exit(status);
    }
}
