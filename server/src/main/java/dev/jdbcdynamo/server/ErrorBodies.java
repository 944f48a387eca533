package dev.jdbcdynamo.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jdbcdynamo.engine.error.CancellationReason;
import dev.jdbcdynamo.engine.error.TransactionCanceled;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.util.Map;

/** Turns the engine's DynamoExceptions into DynamoDB's error answers (status, {@code __type}, message, extras). */
final class ErrorBodies {
    static final String NAMESPACE = "com.amazonaws.dynamodb.v20120810#";

    private ErrorBodies() {
    }

    static ApiException of(DynamoException e) {
        String name = e.code().errorName();
        int status = name.equals("InternalServerError") ? 500 : 400;
        ObjectNode extra = Json.MAPPER.createObjectNode();
        if (e instanceof TransactionCanceled canceled) {
            ArrayNode reasons = extra.putArray("CancellationReasons");
            for (CancellationReason reason : canceled.reasons()) {
                ObjectNode r = reasons.addObject();
                r.put("Code", reason.code());
                if (reason.message() != null) {
                    r.put("Message", reason.message());
                }
                if (reason.itemJson() != null) {
                    r.set("Item", DynamoJson.itemToJson(DynamoJson.readItem(reason.itemJson())));
                }
            }
        } else if (e.oldItem() instanceof Map<?, ?> old) {
            @SuppressWarnings("unchecked")
            Map<String, AttributeValue> item = (Map<String, AttributeValue>) old;
            extra.set("Item", DynamoJson.itemToJson(item));
        } else if (e.oldItem() instanceof String json) {
            extra.set("Item", DynamoJson.itemToJson(DynamoJson.readItem(json)));
        }
        return new ApiException(status, name, e.getMessage(), extra);
    }

    static byte[] body(ApiException e) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("__type", NAMESPACE + e.type());
        body.put("message", e.getMessage() == null ? e.type() : e.getMessage());
        if (e.extra() != null) {
            body.setAll(e.extra());
        }
        return Json.bytes(body);
    }

    static ObjectMapper mapper() {
        return Json.MAPPER;
    }
}
