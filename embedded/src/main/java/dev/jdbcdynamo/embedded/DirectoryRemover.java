package dev.jdbcdynamo.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deletes the data folder of an ephemeral server. */
public final class DirectoryRemover {
    private DirectoryRemover() {
    }

    public static void removeQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leaving a temp folder behind loses nothing; the next start uses a new one.
        }
    }
}
