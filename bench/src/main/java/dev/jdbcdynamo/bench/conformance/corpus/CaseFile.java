package dev.jdbcdynamo.bench.conformance.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One generated case in the shared format, built step by step; {@link #json()} is what gets written. */
final class CaseFile {
    private final ObjectNode root = Av.NODES.objectNode();
    private final ArrayNode tables = Av.NODES.arrayNode();
    private final ObjectNode items = Av.NODES.objectNode();
    private final ArrayNode steps = Av.NODES.arrayNode();

    CaseFile(String description) {
        root.put("description", description);
    }

    /** A table with its items (DynamoDB JSON). */
    CaseFile table(Fixture fixture) {
        tables.add(fixture.definition());
        ArrayNode list = Av.NODES.arrayNode();
        fixture.items().forEach(list::add);
        items.set(fixture.name(), list);
        return this;
    }

    CaseFile statement(String sql, JsonNode... parameters) {
        steps.add(step(sql, List.of(parameters)));
        return this;
    }

    /** A statement step with the request's returnValuesOnConditionCheckFailure set. */
    CaseFile statementAllOld(String sql) {
        ObjectNode step = step(sql, List.of());
        step.put("returnValuesOnConditionCheckFailure", "ALL_OLD");
        steps.add(step);
        return this;
    }

    CaseFile batch(String... statements) {
        return group("batch", statements);
    }

    CaseFile transaction(String... statements) {
        return group("transaction", statements);
    }

    /** A transaction step whose statements are given with their parameters. */
    CaseFile transaction(List<ObjectNode> statements) {
        ArrayNode group = Av.NODES.arrayNode();
        statements.forEach(group::add);
        ObjectNode step = Av.NODES.objectNode();
        step.set("transaction", group);
        steps.add(step);
        return this;
    }

    private CaseFile group(String kind, String... statements) {
        ArrayNode group = Av.NODES.arrayNode();
        for (String s : statements) {
            group.add(step(s, List.of()));
        }
        ObjectNode step = Av.NODES.objectNode();
        step.set(kind, group);
        steps.add(step);
        return this;
    }

    static ObjectNode step(String sql, List<JsonNode> parameters) {
        ObjectNode step = Av.NODES.objectNode();
        step.put("statement", sql);
        if (!parameters.isEmpty()) {
            ArrayNode list = Av.NODES.arrayNode();
            parameters.forEach(list::add);
            step.set("parameters", list);
        }
        return step;
    }

    /** Records that DynamoDB Local is believed to answer this case differently from the service. */
    CaseFile deviation(String note) {
        root.put("suspectedLocalDeviation", note);
        return this;
    }

    /** Whether the tables are read whole after the steps (the default dumps them after a write). */
    CaseFile dump(boolean dump) {
        root.put("dump", dump);
        return this;
    }

    ObjectNode json() {
        ObjectNode out = root.deepCopy();
        out.set("tables", tables);
        out.set("items", items);
        out.set("steps", steps);
        if (root.has("dump")) {
            // Keep "dump" after the steps, where a reader looks for it.
            out.remove("dump");
            out.set("dump", root.get("dump"));
        }
        return out;
    }
}
