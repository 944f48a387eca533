package dev.jdbcdynamo.driver.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jdbcdynamo.driver.conformance.ConformanceCase.Kind;
import dev.jdbcdynamo.driver.conformance.ConformanceCase.Step;
import dev.jdbcdynamo.driver.conformance.ConformanceCase.Table;
import dev.jdbcdynamo.engine.Database;
import dev.jdbcdynamo.engine.config.DatabaseConfig;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import dev.jdbcdynamo.server.DynamoHttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The conformance door through the server's HTTP API: every statement as ExecuteStatement, a
 * transaction step as ExecuteTransaction, a batch as BatchExecuteStatement, answered in the
 * runner's lines as the JDBC doors answer them (so one comparator and one list of known failures).
 */
final class HttpDoor implements Door {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ORDER_BY = Pattern.compile("\\bORDER\\s+BY\\b", Pattern.CASE_INSENSITIVE);

    private final Database database;
    private final DynamoHttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> created = new HashMap<>();

    HttpDoor() {
        database = Database.open(DatabaseConfig.of(new DatabaseConfig.Mem("conformance_http")).withShards(2));
        server = DynamoHttpServer.start(database, 0, 4, true);
    }

    @Override
    public String name() {
        return "http";
    }

    /** An answer: the HTTP status and its body. */
    private record Answer(int status, JsonNode body) {
        boolean ok() {
            return status == 200;
        }

        String errorName() {
            String type = body.path("__type").asText();
            return type.substring(type.indexOf('#') + 1);
        }

        String message() {
            return body.path("message").asText("");
        }
    }

    private Answer call(String operation, ObjectNode request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.url()))
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private Answer statement(String text, List<JsonNode> parameters, boolean consistent, String returnOld)
            throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("Statement", text);
        if (!parameters.isEmpty()) {
            ArrayNode params = request.putArray("Parameters");
            parameters.forEach(params::add);
        }
        if (consistent) {
            request.put("ConsistentRead", true);
        }
        if (returnOld != null) {
            request.put("ReturnValuesOnConditionCheckFailure", returnOld);
        }
        return call("ExecuteStatement", request);
    }

    @Override
    public CaseRunner.Output run(ConformanceCase c) throws Exception {
        String skip = CaseRunner.skipReason(c);
        if (skip != null) {
            return new CaseRunner.Output(List.of(), skip, null);
        }
        String setupError = setUp(c);
        if (setupError != null) {
            return new CaseRunner.Output(List.of(), null, setupError);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < c.steps().size(); i++) {
            Step step = c.steps().get(i);
            ObjectNode line = switch (step.kind()) {
                case DUMP -> dump(step.dumpTable());
                case TRANSACTION -> transaction(step, i + 1);
                case BATCH -> batch(step, i + 1);
                case STATEMENT -> statement(step, i + 1);
            };
            lines.add(CanonicalJson.write(line));
        }
        for (String table : c.dump()) {
            lines.add(CanonicalJson.write(dump(table)));
        }
        return new CaseRunner.Output(lines, null, null);
    }

    private String setUp(ConformanceCase c) throws IOException, InterruptedException {
        for (Table table : c.tables()) {
            String create = CaseRunner.createTable(table);
            if (create.equals(created.get(table.name())) && emptied(table)) {
                continue;
            }
            created.remove(table.name());
            statement("DROP TABLE IF EXISTS " + CaseRunner.identifier(table.name()), List.of(), false, null);
            Answer made = statement(create, List.of(), false, null);
            if (!made.ok()) {
                return "set-up statement failed: " + create + " -> " + made.errorName() + ": " + made.message();
            }
            created.put(table.name(), create);
        }
        for (Table table : c.tables()) {
            List<Map<String, AttributeValue>> all = new ArrayList<>(c.items().getOrDefault(table.name(), List.of()));
            all.addAll(c.plainItems().getOrDefault(table.name(), List.of()));
            for (Map<String, AttributeValue> item : all) {
                List<JsonNode> values = new ArrayList<>();
                item.values().forEach(v -> values.add(DynamoJson.valueToJson(v)));
                Answer put = statement(CaseRunner.insert(table.name(), item), values, false, null);
                if (!put.ok()) {
                    return "loading item " + DynamoJson.writeItem(item) + " failed -> " + put.errorName() + ": " + put.message();
                }
            }
        }
        return null;
    }

    private boolean emptied(Table table) throws IOException, InterruptedException {
        Answer all = statement("SELECT * FROM " + CaseRunner.identifier(table.name()), List.of(), true, null);
        if (!all.ok()) {
            return false;
        }
        String where = CaseRunner.identifier(table.hash().name()) + " = ?"
                + (table.range() == null ? "" : " AND " + CaseRunner.identifier(table.range().name()) + " = ?");
        for (JsonNode item : all.body().path("Items")) {
            List<JsonNode> key = new ArrayList<>();
            key.add(item.get(table.hash().name()));
            if (table.range() != null) {
                key.add(item.get(table.range().name()));
            }
            statement("DELETE FROM " + CaseRunner.identifier(table.name()) + " WHERE " + where, key, false, null);
        }
        Answer after = statement("SELECT * FROM " + CaseRunner.identifier(table.name()), List.of(), true, null);
        return after.ok() && after.body().path("Items").isEmpty();
    }

    private ObjectNode statement(Step step, int number) throws IOException, InterruptedException {
        for (JsonNode parameter : step.parameters()) {
            try {
                DynamoJson.valueFromJson(parameter);
            } catch (DynamoException e) {
                // as the JDBC doors answer a malformed parameter (DynamoDB checks before running anything)
                return CanonicalJson.errorLine(e.code().errorName(), e.getMessage(), null, number);
            }
        }
        String returnOld = "ALL_OLD".equalsIgnoreCase(step.returnValuesOnConditionCheckFailure()) ? "ALL_OLD" : null;
        Answer answer = statement(step.statement(), step.parameters(), step.consistentRead(), returnOld);
        if (!answer.ok()) {
            return failure(answer, number);
        }
        ArrayNode items = items(answer.body().path("Items"));
        String order = step.order() != null ? step.order() : ORDER_BY.matcher(step.statement()).find() ? "engine" : "sorted";
        ObjectNode line = CanonicalJson.object();
        line.set("items", order.equals("sorted") ? sorted(items) : items);
        line.put("order", order);
        line.put("step", number);
        return line;
    }

    private ObjectNode transaction(Step step, int number) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode statements = request.putArray("TransactStatements");
        for (Step t : step.statements()) {
            ObjectNode s = statements.addObject().put("Statement", t.statement());
            returnValues(s, t);
            if (!t.parameters().isEmpty()) {
                ArrayNode params = s.putArray("Parameters");
                t.parameters().forEach(params::add);
            }
        }
        Answer answer = call("ExecuteTransaction", request);
        if (!answer.ok()) {
            return failure(answer, number);
        }
        ArrayNode responses = CanonicalJson.array();
        JsonNode given = answer.body().path("Responses");
        for (int i = 0; i < step.statements().size(); i++) {
            if (step.statements().get(i).writes()) {
                continue;
            }
            ObjectNode response = CanonicalJson.object();
            JsonNode item = given.path(i).get("Item");
            if (item != null) {
                response.set("item", CanonicalJson.outputItem(item));
            }
            responses.add(response);
        }
        ObjectNode line = CanonicalJson.object();
        line.set("responses", responses);
        line.put("step", number);
        return line;
    }

    private ObjectNode batch(Step step, int number) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        ArrayNode statements = request.putArray("Statements");
        step.statements().forEach(t -> returnValues(statements.addObject().put("Statement", t.statement()), t));
        Answer answer = call("BatchExecuteStatement", request);
        if (!answer.ok()) {
            return failure(answer, number);
        }
        ArrayNode out = CanonicalJson.array();
        for (JsonNode r : answer.body().path("Responses")) {
            ObjectNode response = CanonicalJson.object();
            if (r.has("Error")) {
                response.put("error", r.path("Error").path("Code").asText());
                response.put("message", r.path("Error").path("Message").asText(""));
                if (r.path("Error").has("Item")) {
                    response.set("item", CanonicalJson.outputItem(r.path("Error").get("Item")));
                }
            }
            if (r.has("Item")) {
                response.set("item", CanonicalJson.outputItem(r.get("Item")));
            }
            out.add(response);
        }
        ObjectNode line = CanonicalJson.object();
        line.set("batch", out);
        line.put("step", number);
        return line;
    }

    private static void returnValues(ObjectNode statement, Step step) {
        if ("ALL_OLD".equalsIgnoreCase(step.returnValuesOnConditionCheckFailure())) {
            statement.put("ReturnValuesOnConditionCheckFailure", "ALL_OLD");
        }
    }

    private ObjectNode dump(String table) throws IOException, InterruptedException {
        ObjectNode line = CanonicalJson.object();
        line.put("dump", table);
        Answer all = statement("SELECT * FROM " + CaseRunner.identifier(table), List.of(), true, null);
        if (all.ok()) {
            line.set("items", sorted(items(all.body().path("Items"))));
        } else {
            line.put("error", all.errorName() + ": " + all.message());
        }
        return line;
    }

    private static ObjectNode failure(Answer answer, int number) {
        JsonNode old = answer.body().get("Item");
        ObjectNode line = CanonicalJson.errorLine(answer.errorName(), answer.message(), old == null ? null : CanonicalJson.outputItem(old), number);
        JsonNode reasons = answer.body().get("CancellationReasons");
        if (reasons != null) {
            ArrayNode out = CanonicalJson.array();
            for (JsonNode r : reasons) {
                ObjectNode reason = CanonicalJson.object();
                reason.put("code", r.path("Code").asText());
                if (r.has("Message")) {
                    reason.put("message", r.path("Message").asText());
                }
                if (r.has("Item")) {
                    reason.set("item", CanonicalJson.outputItem(r.get("Item")));
                }
                out.add(reason);
            }
            line.set("reasons", out);
        }
        return line;
    }

    private static ArrayNode items(JsonNode items) {
        ArrayNode out = CanonicalJson.array();
        items.forEach(item -> out.add(CanonicalJson.outputItem(item)));
        return out;
    }

    private static ArrayNode sorted(ArrayNode items) {
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        list.sort(Comparator.comparing(CanonicalJson::write, CanonicalJson::compareCodePoints));
        return CanonicalJson.array().addAll(list);
    }

    @Override
    public void close() {
        server.stop(1);
        database.close();
    }
}
