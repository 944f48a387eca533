package dev.jdbcdynamo.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.jdbcdynamo.planner.error.DynamoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB's JSON 1.0 wire protocol: {@code POST /} with {@code X-Amz-Target}, answers with
 * {@code x-amzn-RequestId} and {@code x-amz-crc32}, errors as {@code {"__type", "message"}};
 * {@code GET /} is a health line.
 */
final class ApiHandler implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    static final String TARGET_PREFIX = "DynamoDB_20120810.";
    /** DynamoDB refuses requests over 16 MB; a larger body is refused before it is read whole. */
    static final int MAX_BODY = 16 * 1024 * 1024;

    private final Operations operations;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    ApiHandler(Operations operations) {
        this.operations = operations;
    }

    /**
     * Answers new requests with 503 (which the AWS SDKs retry elsewhere or later) and waits until
     * the requests in flight are answered, at most the given time.
     */
    void drain(long millis) {
        draining = true;
        long deadline = System.currentTimeMillis() + millis;
        while (inFlight.get() > 0 && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        inFlight.incrementAndGet();
        try (exchange) {
            if (draining) {
                send(exchange, requestId, 503, "application/x-amz-json-1.0", ErrorBodies.body(
                        new ApiException(503, "ServiceUnavailable", "The server is shutting down", null)));
                return;
            }
            if (exchange.getRequestMethod().equals("GET")) {
                send(exchange, requestId, 200, "text/plain", "healthy: jdbc:dynamo DynamoDB API\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] answer;
            int status = 200;
            try {
                answer = Json.bytes(dispatch(exchange));
            } catch (ApiException e) {
                status = e.status();
                answer = ErrorBodies.body(e);
            } catch (DynamoException e) {
                ApiException api = ErrorBodies.of(e);
                status = api.status();
                answer = ErrorBodies.body(api);
            } catch (RuntimeException e) {
                LOG.warn("request {} failed", requestId, e);
                ApiException api = new ApiException(500, "InternalServerError", "Internal server error", null);
                status = 500;
                answer = ErrorBodies.body(api);
            }
            send(exchange, requestId, status, "application/x-amz-json-1.0", answer);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private ObjectNode dispatch(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            throw new ApiException(400, "UnknownOperationException", "Only POST is an operation", null);
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            throw new ApiException(400, "UnknownOperationException", null, null);
        }
        ObjectNode request = Json.parse(readBody(exchange.getRequestBody()));
        return operations.run(target.substring(TARGET_PREFIX.length()), request);
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw ApiException.validation("Request size exceeded " + MAX_BODY + " bytes");
        }
        return body;
    }

    private static void send(HttpExchange exchange, String requestId, int status, String type, byte[] body)
            throws IOException {
        CRC32 crc = new CRC32();
        crc.update(body);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
