package dev.jdbcdynamo.server;

import com.sun.net.httpserver.HttpServer;
import dev.jdbcdynamo.engine.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** DynamoDB's HTTP API on one engine {@link Database}, served by the JDK's built-in HTTP server. */
public final class DynamoHttpServer implements AutoCloseable {
    private final HttpServer http;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    private final ExecutorService workers;
    private final ApiHandler handler;

    private DynamoHttpServer(HttpServer http, ExecutorService workers, ApiHandler handler) {
        this.http = http;
        this.workers = workers;
        this.handler = handler;
    }

    /** Starts serving on a port (0: any free one); the database stays the caller's to close. */
    public static DynamoHttpServer start(Database database, int port, int threads) {
        return start(database, port, threads, false);
    }

    /**
     * Starts serving; {@code gsiReadYourWrites} (beyond DynamoDB) makes each global index read first
     * apply every write committed before it, as the driver's property of that name does.
     */
    public static DynamoHttpServer start(Database database, int port, int threads, boolean gsiReadYourWrites) {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on,
        // the body waits for the client's delayed ACK (about 40 ms a request). Read once, at the
        // server's first start in the JVM; an explicit setting of the property is left alone.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(port), 128);
            ExecutorService workers = Executors.newFixedThreadPool(threads);
            http.setExecutor(workers);
            ApiHandler handler = new ApiHandler(new Operations(database, gsiReadYourWrites));
            http.createContext("/", handler);
            http.start();
            return new DynamoHttpServer(http, workers, handler);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String url() {
        return "http://localhost:" + port() + "/";
    }

    /** Stops accepting requests and lets those in flight finish (up to the grace period). */
    public void stop(int graceSeconds) {
        // HttpServer.stop(n) waits the whole n seconds on JDK 17 even when idle: drain ourselves.
        handler.drain(graceSeconds * 1000L);
        http.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(graceSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(5);
    }
}
