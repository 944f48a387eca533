package dev.jdbcdynamo.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jdbcdynamo.engine.Database;
import java.util.Map;
import java.util.function.Function;

/** The operations this server answers, by their {@code X-Amz-Target} name. */
final class Operations {
    private final Map<String, Function<ObjectNode, ObjectNode>> byName;

    /** {@code gsiReadYourWrites}: beyond DynamoDB, a global index read first applies every earlier write. */
    Operations(Database database, boolean gsiReadYourWrites) {
        TableOperations tables = new TableOperations(database);
        StatementOperations statements = new StatementOperations(database, gsiReadYourWrites);
        ItemOperations items = new ItemOperations(database);
        ReadOperations reads = new ReadOperations(database, gsiReadYourWrites);
        this.byName = Map.ofEntries(
                Map.entry("CreateTable", tables::create),
                Map.entry("DescribeTable", tables::describe),
                Map.entry("ListTables", tables::list),
                Map.entry("DeleteTable", tables::delete),
                Map.entry("ExecuteStatement", statements::execute),
                Map.entry("BatchExecuteStatement", statements::batch),
                Map.entry("ExecuteTransaction", statements::transaction),
                Map.entry("GetItem", items::get),
                Map.entry("PutItem", items::put),
                Map.entry("DeleteItem", items::delete),
                Map.entry("UpdateItem", items::update),
                Map.entry("Query", reads::query),
                Map.entry("Scan", reads::scan));
    }

    ObjectNode run(String operation, ObjectNode request) {
        Function<ObjectNode, ObjectNode> op = byName.get(operation);
        if (op == null) {
            throw new ApiException(400, "UnknownOperationException", "Unknown operation: " + operation, null);
        }
        return op.apply(request);
    }
}
