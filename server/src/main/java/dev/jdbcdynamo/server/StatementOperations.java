package dev.jdbcdynamo.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jdbcdynamo.engine.BatchOutcome;
import dev.jdbcdynamo.engine.BatchResults;
import dev.jdbcdynamo.engine.Database;
import dev.jdbcdynamo.engine.Request;
import dev.jdbcdynamo.engine.Result;
import dev.jdbcdynamo.engine.Session;
import dev.jdbcdynamo.engine.SessionOptions;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * ExecuteStatement, BatchExecuteStatement and ExecuteTransaction: PartiQL straight onto engine
 * sessions, so the answers are the JDBC driver's. A NextToken holds how many items earlier pages
 * returned and the statement it belongs to; the next page re-runs the statement and skips them.
 */
final class StatementOperations {
    private final Database database;
    private final boolean gsiReadYourWrites;

    StatementOperations(Database database, boolean gsiReadYourWrites) {
        this.database = database;
        this.gsiReadYourWrites = gsiReadYourWrites;
    }

    ObjectNode execute(ObjectNode request) {
        String text = Json.required(request, "Statement");
        List<AttributeValue> params = Json.values(request, "Parameters");
        Integer limit = Json.integer(request, "Limit");
        long skip = skipOf(Json.text(request, "NextToken"), text);
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode items = answer.putArray("Items");
        try (Session session = database.openSession(options(request))) {
            Result result = session.execute(text, params);
            if (result instanceof Result.Items read) {
                try (read) {
                    long seen = 0;
                    int returned = 0;
                    while (read.hasNext()) {
                        Map<String, AttributeValue> item = read.next();
                        if (seen++ < skip) {
                            continue;
                        }
                        if (limit != null && returned == limit) {
                            answer.put("NextToken", token(skip + returned, text));
                            break;
                        }
                        items.add(Json.itemJson(item));
                        returned++;
                    }
                }
            }
        }
        return answer;
    }

    ObjectNode batch(ObjectNode request) {
        List<Request> requests = new ArrayList<>();
        for (JsonNode statement : request.path("Statements")) {
            requests.add(Request.of(Json.required(statement, "Statement"), Json.values(statement, "Parameters")));
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode responses = answer.putArray("Responses");
        try (Session session = database.openSession(groupOptions(request.path("Statements")))) {
            BatchResults results = session.executeBatch(requests);
            for (BatchOutcome outcome : results.outcomes()) {
                ObjectNode r = responses.addObject();
                if (!outcome.succeeded()) {
                    ObjectNode error = r.putObject("Error").put("Code", outcome.errorCode())
                            .put("Message", outcome.error().getMessage());
                    ObjectNode old = ErrorBodies.of(outcome.error()).extra();
                    if (old != null && old.has("Item")) {
                        error.set("Item", old.get("Item"));
                    }
                } else if (outcome.item() != null) {
                    r.set("Item", Json.itemJson(outcome.item()));
                }
            }
        }
        return answer;
    }

    ObjectNode transaction(ObjectNode request) {
        List<Request> requests = new ArrayList<>();
        for (JsonNode statement : request.path("TransactStatements")) {
            requests.add(Request.of(Json.required(statement, "Statement"), Json.values(statement, "Parameters")));
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode responses = answer.putArray("Responses");
        try (Session session = database.openSession(groupOptions(request.path("TransactStatements")))) {
            for (Result result : session.executeTransaction(requests, Json.text(request, "ClientRequestToken"))) {
                ObjectNode r = responses.addObject();
                if (result instanceof Result.Items read) {
                    List<Map<String, AttributeValue>> found = read.toList();
                    if (!found.isEmpty()) {
                        r.set("Item", Json.itemJson(found.get(0)));
                    }
                }
            }
        }
        return answer;
    }

    private SessionOptions options(JsonNode request) {
        boolean returnOld = "ALL_OLD".equals(Json.text(request, "ReturnValuesOnConditionCheckFailure"));
        return SessionOptions.partiql().withConsistentRead(Json.bool(request, "ConsistentRead"))
                .withReturnOldOnConditionCheckFailure(returnOld).withGsiReadYourWrites(gsiReadYourWrites);
    }

    /**
     * A batch's or a transaction's session: ReturnValuesOnConditionCheckFailure is per statement in
     * DynamoDB and per session in the engine, so ALL_OLD on any statement asks it for all of them.
     */
    private static SessionOptions groupOptions(JsonNode statements) {
        boolean returnOld = false;
        for (JsonNode statement : statements) {
            returnOld |= "ALL_OLD".equals(Json.text(statement, "ReturnValuesOnConditionCheckFailure"));
        }
        return SessionOptions.partiql().withReturnOldOnConditionCheckFailure(returnOld);
    }

    private static String token(long offset, String statement) {
        String raw = offset + ":" + statement.hashCode();
        return Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static long skipOf(String token, String statement) {
        if (token == null) {
            return 0;
        }
        try {
            String[] parts = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).split(":", 2);
            if (parts.length == 2 && Integer.parseInt(parts[1]) == statement.hashCode()) {
                return Long.parseLong(parts[0]);
            }
        } catch (IllegalArgumentException e) {
            // an unreadable token is DynamoDB's ValidationException below
        }
        throw ApiException.validation("The provided starting key is invalid: Given NextToken is not valid for this statement");
    }
}
