package dev.jdbcdynamo.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SchemaCrawler's command line from Maven Central, at {@code --info-level=maximum}, over an
 * embedded database that sqlline filled: every metadata call it makes must answer, so its log
 * holds no warning (it logs a failed metadata call as a WARNING and goes on).
 */
class SchemaCrawlerIT {
    @Test
    void crawlsEveryTableAtMaximumInfoLevelWithoutWarnings() throws Exception {
        Path dir = Files.createDirectories(BundleJar.workDir().resolve("schemacrawler"));
        Path db = dir.resolve("db");
        deleteRecursively(db);
        Path create = dir.resolve("create.sql");
        Files.writeString(create, SqllineIT.CREATE_TABLES + "\n!quit\n");
        Path createLog = dir.resolve("create.log");
        assertThat(SqllineIT.sqlline("jdbc:dynamo:embedded:" + db, create, createLog))
                .as(Files.readString(createLog)).isZero();

        Path out = dir.resolve("details.txt");
        Path log = dir.resolve("schemacrawler.log");
        int exit = BundleJar.runJava(BundleJar.toolClasspath("schemacrawler"), log, "schemacrawler.Main", List.of(
                "--url=jdbc:dynamo:embedded:" + db, "--user=tool", "--password=tool", "--info-level=maximum",
                "--command=details", "--output-format=text", "--output-file=" + out, "--log-level=WARNING"));
        String logText = Files.readString(log);
        assertThat(exit).as(logText).isZero();
        assertThat(logText.lines().filter(l -> l.startsWith("WARNING") || l.startsWith("SEVERE")))
                .as(logText).isEmpty();
        String details = Files.readString(out);
        assertThat(details).contains("Orders", "Customers", "customer_id", "order_date", "item_json", "[primary key]",
                "ByTotal", "ByStatus", "[non-unique index]", "Partition key");
    }

    /** A database left by an earlier run would make CREATE TABLE fail. */
    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
