package dev.jdbcdynamo.embedded;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The embedded MariaDB servers of this JVM, shared by every connection that needs them: one
 * server for all {@code mem:} databases, and one per {@code embedded:} directory. A server starts
 * on its first lease and stops when its last lease is closed, or when the JVM exits.
 *
 * <p>A directory is locked by the JVM that runs its server; another process that opens the same
 * directory gets a clear error instead of a second server on the same files.
 */
public final class EmbeddedServers {
    private static final String MEM_KEY = "mem:";
    private static final Map<String, Running> RUNNING = new HashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServers::stopAll, "jdbc-dynamo-embedded-stop"));
    }

    private EmbeddedServers() {
    }

    /** A lease on the JVM's server for in-memory databases (data in a temp dir, deleted at stop). */
    public static synchronized Lease acquireMem() {
        Running running = RUNNING.get(MEM_KEY);
        if (running == null) {
            Path dataDir;
            try {
                dataDir = Files.createTempDirectory("jdbc-dynamo-mem-");
            } catch (IOException e) {
                throw new DynamoException(ErrorCode.CONNECTION_FAILED, "Cannot create a temp dir: " + e.getMessage(), e);
            }
            running = new Running(EmbeddedServer.start(dataDir, true), null);
            RUNNING.put(MEM_KEY, running);
        }
        running.leases++;
        return new Lease(MEM_KEY, running.server);
    }

    /** A lease on the server of a persistent directory, started on first use. */
    public static synchronized Lease acquireDirectory(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        String key = dir.toString();
        Running running = RUNNING.get(key);
        if (running == null) {
            DirectoryLock lock = DirectoryLock.take(dir);
            try {
                running = new Running(EmbeddedServer.start(dir.resolve("mariadb"), false), lock);
            } catch (RuntimeException e) {
                lock.release();
                throw e;
            }
            RUNNING.put(key, running);
        }
        running.leases++;
        return new Lease(key, running.server);
    }

    private static synchronized void release(String key) {
        Running running = RUNNING.get(key);
        if (running == null) {
            return;
        }
        running.leases--;
        if (running.leases <= 0) {
            RUNNING.remove(key);
            running.stop();
        }
    }

    private static synchronized void stopAll() {
        RUNNING.values().forEach(Running::stop);
        RUNNING.clear();
    }

    /** A held reference to a running server; closing it releases the reference once. */
    public static final class Lease implements dev.jdbcdynamo.engine.spi.EmbeddedServers.Lease {
        private final String key;
        private final EmbeddedServer server;
        private boolean closed;

        private Lease(String key, EmbeddedServer server) {
            this.key = key;
            this.server = server;
        }

        @Override
        public String jdbcUrl(String database) {
            return server.jdbcUrl(database);
        }

        @Override
        public String user() {
            return server.user();
        }

        @Override
        public int port() {
            return server.port();
        }

        @Override
        public void close() {
            synchronized (EmbeddedServers.class) {
                if (!closed) {
                    closed = true;
                    release(key);
                }
            }
        }
    }

    private static final class Running {
        final EmbeddedServer server;
        final DirectoryLock lock;
        int leases;

        Running(EmbeddedServer server, DirectoryLock lock) {
            this.server = server;
            this.lock = lock;
        }

        void stop() {
            server.stop();
            if (lock != null) {
                lock.release();
            }
        }
    }

    /** The OS file lock that marks a directory as served by this JVM. */
    private static final class DirectoryLock {
        private final FileChannel channel;
        private final FileLock lock;

        private DirectoryLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static DirectoryLock take(Path dir) {
            try {
                Files.createDirectories(dir);
                FileChannel channel = FileChannel.open(dir.resolve("jdbc-dynamo.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    throw new DynamoException(ErrorCode.CONNECTION_FAILED, "The embedded database directory " + dir
                            + " is in use by another process. One process at a time may open an embedded directory;"
                            + " to share data between processes, run a MariaDB or MySQL server and use"
                            + " jdbc:dynamo:mysql://...");
                }
                return new DirectoryLock(channel, lock);
            } catch (IOException e) {
                throw new DynamoException(ErrorCode.CONNECTION_FAILED,
                        "Cannot lock the embedded database directory " + dir + ": " + e.getMessage(), e);
            }
        }

        void release() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // The lock dies with the channel or the process anyway.
            }
        }
    }
}
