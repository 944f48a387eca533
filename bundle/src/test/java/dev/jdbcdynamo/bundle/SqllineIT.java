package dev.jdbcdynamo.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * sqlline 1.12 from Maven Central, run as a child process with the shaded jar on its classpath,
 * through a script of metadata commands and statements. sqlline ({@code -f}) stops at the first
 * failed command and exits non-zero, which the second test shows.
 */
class SqllineIT {
    static final String CREATE_TABLES = String.join("\n",
            "CREATE TABLE \"Orders\" (customer_id STRING PARTITION KEY, order_date STRING SORT KEY, total NUMBER,"
                    + " status STRING, LOCAL INDEX \"ByTotal\" (total) PROJECTION ALL,"
                    + " GLOBAL INDEX \"ByStatus\" (status, order_date) PROJECTION KEYS_ONLY);",
            "CREATE TABLE \"Customers\" (id STRING PARTITION KEY);",
            "INSERT INTO \"Orders\" VALUE {'customer_id': 'c1', 'order_date': '2024-01-05', 'total': 25.5,"
                    + " 'status': 'open', 'lines': [{'sku': 'x', 'qty': 2}], 'flags': <<'gift'>>};",
            "INSERT INTO \"Orders\" VALUE {'customer_id': 'c1', 'order_date': '2024-02-01', 'total': 7};",
            "INSERT INTO \"Customers\" VALUE {'id': 'c1', 'name': 'Ada'};");

    @Test
    void scriptOfMetadataCommandsAndStatementsRuns() throws Exception {
        Path dir = Files.createDirectories(BundleJar.workDir().resolve("sqlline"));
        Path script = dir.resolve("script.sql");
        Files.writeString(script, String.join("\n",
                CREATE_TABLES,
                "!tables",
                "!columns Orders",
                "!primarykeys Orders",
                "!indexes Orders",
                "SELECT * FROM \"Orders\" WHERE customer_id = 'c1';",
                "UPDATE \"Orders\" SET total = total + 1 WHERE customer_id = 'c1' AND order_date = '2024-02-01';",
                "SELECT order_date, total FROM \"Orders\" WHERE customer_id = 'c1' AND order_date = '2024-02-01';",
                "SELECT * FROM \"Orders\" WHERE 1 = 0;",
                "!quit", ""));
        Path log = dir.resolve("ok.log");
        int exit = sqlline("jdbc:dynamo:mem:sqlline", script, log);
        String out = Files.readString(log);
        assertThat(exit).as(out).isZero();
        assertThat(out).contains("Orders", "Customers", "customer_id", "order_date", "item_json", "ByStatus", "ByTotal",
                "PRIMARY", "2024-01-05", "25.5", "8");
        assertThat(out).doesNotContainIgnoringCase("exception").doesNotContain("Error:")
                .as("no INFO notes of the driver or its libraries").doesNotContain("INFO:");
    }

    @Test
    void aFailedCommandMakesSqllineExitNonZero() throws Exception {
        Path dir = Files.createDirectories(BundleJar.workDir().resolve("sqlline"));
        Path script = dir.resolve("failing.sql");
        Files.writeString(script, String.join("\n",
                "SELECT * FROM \"NoSuchTable\";",
                "!quit", ""));
        Path log = dir.resolve("failing.log");
        int exit = sqlline("jdbc:dynamo:mem:sqllinefail", script, log);
        assertThat(exit).as(Files.readString(log)).isNotZero();
        assertThat(Files.readString(log)).contains("non-existent table", "42S02");
    }

    static int sqlline(String url, Path script, Path log) throws Exception {
        return BundleJar.runJava(BundleJar.toolClasspath("sqlline"), log, "sqlline.SqlLine", List.of(
                "-d", BundleJar.DRIVER_CLASS, "-u", url, "-n", "", "-p", "", "-f", script.toString(),
                "--maxWidth=200", "--showWarnings=false"));
    }
}
