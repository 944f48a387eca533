package dev.jdbcdynamo.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Opening an embedded database is quiet: a program on the shaded jar, with java.util.logging at
 * the JDK's defaults (INFO to stderr, as in sqlline), opens a {@code mem:} and an
 * {@code embedded:} database, writes and reads, and prints nothing at all on stdout or stderr.
 */
class QuietOpenIT {
    @Test
    void openingEmbeddedDatabasesPrintsNothing() throws Exception {
        Path dir = Files.createDirectories(BundleJar.workDir().resolve("quiet"));
        Path classes = Path.of(QuietOpenMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path log = dir.resolve("quiet.log");
        int exit = BundleJar.runJava(classes.toString(), log, QuietOpenMain.class.getName(), List.of(
                "jdbc:dynamo:mem:quiet", "jdbc:dynamo:embedded:" + dir.resolve("db-" + System.nanoTime())));
        String output = Files.readString(log);
        assertThat(exit).as(output).isZero();
        assertThat(output).as("stdout and stderr of the program").isEmpty();
    }
}
