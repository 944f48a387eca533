package dev.jdbcdynamo.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An error answered over HTTP as DynamoDB names it: its status, error type and message, and any extra fields. */
final class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final transient ObjectNode extra;

    ApiException(int status, String type, String message, ObjectNode extra) {
        super(message);
        this.status = status;
        this.type = type;
        this.extra = extra;
    }

    static ApiException validation(String message) {
        return new ApiException(400, "ValidationException", message, null);
    }

    static ApiException serialization(String message) {
        return new ApiException(400, "SerializationException", message, null);
    }

    static ApiException notFound(String message) {
        return new ApiException(400, "ResourceNotFoundException", message, null);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    ObjectNode extra() {
        return extra;
    }
}
