package dev.jdbcdynamo.bench.conformance;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionRequest;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Records conformance cases against DynamoDB Local 2.6.1 in this JVM: writes {@code <case>.expected} next to every
 * {@code <case>.json} below the directory given as the argument, in the README's canonical lines.
 */
public final class ConformanceRecorder {
    private static final Pattern ORDER_BY = Pattern.compile("\\bORDER\\s+BY\\b", Pattern.CASE_INSENSITIVE);
    private static final String FIXTURES = "_fixtures";
    /** Bound on the pages followed for one statement or one dump. */
    private static final int MAX_PAGES = 10_000;

    private final DynamoDbClient client;

    private ConformanceRecorder(DynamoDbClient client) {
        this.client = client;
    }

    /** Arguments: a directory of cases (searched recursively, {@code _fixtures} folders skipped). */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("Usage: ConformanceRecorder <cases dir>");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            System.err.println("Not a directory: " + root);
            System.exit(2);
        }
        System.exit(recordAll(root));
    }

    /**
     * Records every case below the directory against a DynamoDB Local started for the call; 0 when
     * every case was recorded, 1 when one could not be (named on standard error).
     */
    public static int recordAll(Path root) throws Exception {
        nativeLibrary();
        String port = Integer.toString(freePort());
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {"-inMemory", "-port", port, "-disableTelemetry"});
        server.start();
        int written = 0;
        int status = 0;
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()).apiCallTimeout(Duration.ofMinutes(2)))
                .build()) {
            ConformanceRecorder recorder = new ConformanceRecorder(client);
            for (Path file : cases(root)) {
                try {
                    List<String> lines = recorder.record(file);
                    String name = file.getFileName().toString();
                    Path expected = file.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".expected");
                    Files.writeString(expected, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
                    written++;
                } catch (IOException | RuntimeException e) {
                    System.err.println("FAILED " + root.relativize(file) + ": " + e);
                    status = 1;
                }
            }
        } finally {
            server.stop();
        }
        System.out.println(written + " recorded");
        System.out.flush();
        return status;
    }

    /** Points sqlite4java at the build's copy of its native library when no one did (target/native next to classes). */
    private static void nativeLibrary() throws Exception {
        if (System.getProperty("sqlite4java.library.path") != null) {
            return;
        }
        Path classes = Path.of(ConformanceRecorder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path candidate = classes.getParent().resolve("native");
        if (!Files.isDirectory(candidate)) {
            throw new IllegalStateException("Pass -Dsqlite4java.library.path=<dir with libsqlite4java-linux-amd64-*.so>");
        }
        System.setProperty("sqlite4java.library.path", candidate.toString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<Path> cases(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> {
                        for (Path part : root.relativize(f)) {
                            if (part.toString().equals(FIXTURES)) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted()
                    .toList();
        }
    }

    /** Runs one case from empty tables; its output lines. */
    private List<String> record(Path file) throws IOException {
        JsonNode root = RecordedJson.parse(Files.readString(file, StandardCharsets.UTF_8));
        List<JsonNode> setUps = new ArrayList<>();
        for (JsonNode fixture : root.path("fixtures")) {
            setUps.add(RecordedJson.parse(Files.readString(fixture(file, fixture.asText()), StandardCharsets.UTF_8)));
        }
        setUps.add(root);
        dropAllTables();
        List<String> tables = new ArrayList<>();
        for (JsonNode setUp : setUps) {
            for (JsonNode table : setUp.path("tables")) {
                createTable(table);
                tables.add(table.get("name").asText());
            }
        }
        for (JsonNode setUp : setUps) {
            setUp.path("items").fields().forEachRemaining(e ->
                    e.getValue().forEach(i -> client.putItem(b -> b.tableName(e.getKey()).item(RecordedJson.item(i)))));
            setUp.path("plainItems").fields().forEachRemaining(e ->
                    e.getValue().forEach(i -> client.putItem(b -> b.tableName(e.getKey()).item(RecordedJson.plainItem(i)))));
        }
        List<String> lines = new ArrayList<>();
        boolean writes = false;
        int number = 0;
        for (JsonNode step : root.path("steps")) {
            number++;
            writes |= writes(step);
            lines.add(RecordedJson.write(step(step, number)));
        }
        for (String table : dumpTables(root.get("dump"), tables, writes)) {
            lines.add(RecordedJson.write(dump(table)));
        }
        return lines;
    }

    /** {@code _fixtures/<name>.json} in the case's folder or the nearest folder above it that has one. */
    private static Path fixture(Path caseFile, String name) {
        Path dir = caseFile.getParent();
        for (int depth = 0; depth < 64 && dir != null; depth++) {
            Path candidate = dir.resolve(FIXTURES).resolve(name + ".json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalArgumentException("No fixture " + name + " above " + caseFile.getFileName());
    }

    private void dropAllTables() {
        for (String table : client.listTables().tableNames()) {
            client.deleteTable(b -> b.tableName(table));
        }
    }

    private void createTable(JsonNode table) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String[] hash = key(table.get("hash").asText());
        attributes.put(hash[0], hash[1]);
        List<KeySchemaElement> schema = new ArrayList<>(List.of(element(hash[0], KeyType.HASH)));
        if (table.hasNonNull("range")) {
            String[] range = key(table.get("range").asText());
            attributes.put(range[0], range[1]);
            schema.add(element(range[0], KeyType.RANGE));
        }
        List<LocalSecondaryIndex> locals = new ArrayList<>();
        for (JsonNode lsi : table.path("lsi")) {
            String[] range = key(lsi.get("range").asText());
            attributes.putIfAbsent(range[0], range[1]);
            locals.add(LocalSecondaryIndex.builder().indexName(lsi.get("name").asText())
                    .keySchema(element(hash[0], KeyType.HASH), element(range[0], KeyType.RANGE))
                    .projection(projection(lsi.get("projection"))).build());
        }
        List<GlobalSecondaryIndex> globals = new ArrayList<>();
        for (JsonNode gsi : table.path("gsi")) {
            String[] gHash = key(gsi.get("hash").asText());
            attributes.putIfAbsent(gHash[0], gHash[1]);
            List<KeySchemaElement> keys = new ArrayList<>(List.of(element(gHash[0], KeyType.HASH)));
            if (gsi.hasNonNull("range")) {
                String[] gRange = key(gsi.get("range").asText());
                attributes.putIfAbsent(gRange[0], gRange[1]);
                keys.add(element(gRange[0], KeyType.RANGE));
            }
            globals.add(GlobalSecondaryIndex.builder().indexName(gsi.get("name").asText()).keySchema(keys)
                    .projection(projection(gsi.get("projection"))).build());
        }
        List<AttributeDefinition> definitions = new ArrayList<>();
        attributes.forEach((n, t) -> definitions.add(AttributeDefinition.builder().attributeName(n).attributeType(t).build()));
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.get("name").asText())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definitions)
                .keySchema(schema);
        if (!locals.isEmpty()) {
            request.localSecondaryIndexes(locals);
        }
        if (!globals.isEmpty()) {
            request.globalSecondaryIndexes(globals);
        }
        client.createTable(request.build());
    }

    /** {@code name:TYPE}; the name may itself hold colons. */
    private static String[] key(String text) {
        int colon = text.lastIndexOf(':');
        return new String[] {text.substring(0, colon), text.substring(colon + 1)};
    }

    private static KeySchemaElement element(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static Projection projection(JsonNode node) {
        if (node == null || node.isNull()) {
            return Projection.builder().projectionType(ProjectionType.ALL).build();
        }
        if (node.isArray()) {
            List<String> names = new ArrayList<>();
            node.forEach(n -> names.add(n.asText()));
            return Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(names).build();
        }
        return Projection.builder().projectionType(ProjectionType.fromValue(node.asText())).build();
    }

    private static boolean writes(JsonNode step) {
        if (step.has("statement")) {
            String head = step.get("statement").asText().stripLeading().toUpperCase(Locale.ROOT);
            return head.startsWith("INSERT") || head.startsWith("UPDATE") || head.startsWith("DELETE");
        }
        JsonNode group = step.has("batch") ? step.get("batch") : step.path("transaction");
        for (JsonNode s : group) {
            if (writes(s)) {
                return true;
            }
        }
        return false;
    }

    /** The README's dump rule: a list or one name as given, true = all, false = none, absent = all if a step writes. */
    private static List<String> dumpTables(JsonNode dump, List<String> tables, boolean writes) {
        if (dump == null || dump.isNull()) {
            return writes ? tables : List.of();
        }
        if (dump.isBoolean()) {
            return dump.asBoolean() ? tables : List.of();
        }
        if (dump.isArray()) {
            List<String> names = new ArrayList<>();
            dump.forEach(n -> names.add(n.asText()));
            return names;
        }
        return List.of(dump.asText());
    }

    private ObjectNode step(JsonNode step, int number) {
        ObjectNode line;
        if (step.has("dump")) {
            return dump(step.get("dump").asText());
        }
        try {
            if (step.has("batch")) {
                line = batch(step.get("batch"));
            } else if (step.has("transaction")) {
                line = transaction(step);
            } else {
                line = statement(step);
            }
        } catch (TransactionCanceledException e) {
            line = error(e);
            ArrayNode reasons = RecordedJson.array();
            for (CancellationReason reason : e.cancellationReasons()) {
                ObjectNode r = RecordedJson.object();
                r.put("code", reason.code());
                if (reason.message() != null) {
                    r.put("message", reason.message());
                }
                if (reason.hasItem()) {
                    r.set("item", RecordedJson.output(reason.item()));
                }
                reasons.add(r);
            }
            line.set("reasons", reasons);
        } catch (ConditionalCheckFailedException e) {
            line = error(e);
            if (e.hasItem()) {
                line.set("item", RecordedJson.output(e.item()));
            }
        } catch (AwsServiceException e) {
            line = error(e);
        } catch (SdkException | IllegalArgumentException e) {
            // Refused before reaching the service (the SDK's own validation, or a value the case cannot express).
            line = RecordedJson.object();
            line.put("error", "Client" + e.getClass().getSimpleName());
            line.put("message", String.valueOf(e.getMessage()));
        }
        line.put("step", number);
        return line;
    }

    private static ObjectNode error(AwsServiceException e) {
        ObjectNode line = RecordedJson.object();
        line.put("error", e.awsErrorDetails().errorCode());
        line.put("message", String.valueOf(e.awsErrorDetails().errorMessage()));
        return line;
    }

    private ObjectNode statement(JsonNode step) {
        ExecuteStatementRequest.Builder request = ExecuteStatementRequest.builder().statement(step.get("statement").asText());
        List<AttributeValue> parameters = parameters(step);
        if (!parameters.isEmpty()) {
            request.parameters(parameters);
        }
        if (step.hasNonNull("limit")) {
            request.limit(step.get("limit").asInt());
        }
        if (step.hasNonNull("consistentRead")) {
            request.consistentRead(step.get("consistentRead").asBoolean());
        }
        if (step.hasNonNull("returnValuesOnConditionCheckFailure")) {
            request.returnValuesOnConditionCheckFailure(step.get("returnValuesOnConditionCheckFailure").asText());
        }
        List<ObjectNode> items = new ArrayList<>();
        ArrayNode pages = RecordedJson.array();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ExecuteStatementResponse response = client.executeStatement(request.nextToken(token).build());
            response.items().forEach(i -> items.add(RecordedJson.output(i)));
            pages.add(response.items().size());
            token = response.nextToken();
            if (token == null) {
                break;
            }
        }
        String order = step.hasNonNull("order") ? step.get("order").asText()
                : ORDER_BY.matcher(step.get("statement").asText()).find() ? "engine" : "sorted";
        ObjectNode line = RecordedJson.object();
        if (order.equals("sorted")) {
            line.set("items", RecordedJson.sorted(items));
        } else {
            ArrayNode list = RecordedJson.array();
            items.forEach(list::add);
            line.set("items", list);
        }
        line.put("order", order);
        if (step.hasNonNull("limit")) {
            line.set("pages", pages);
        }
        return line;
    }

    private static List<AttributeValue> parameters(JsonNode step) {
        List<AttributeValue> out = new ArrayList<>();
        for (JsonNode p : step.path("parameters")) {
            out.add(RecordedJson.value(p));
        }
        return out;
    }

    private ObjectNode batch(JsonNode group) {
        List<BatchStatementRequest> statements = new ArrayList<>();
        for (JsonNode s : group) {
            BatchStatementRequest.Builder b = BatchStatementRequest.builder().statement(s.get("statement").asText());
            List<AttributeValue> parameters = parameters(s);
            if (!parameters.isEmpty()) {
                b.parameters(parameters);
            }
            if (s.hasNonNull("consistentRead")) {
                b.consistentRead(s.get("consistentRead").asBoolean());
            }
            if (s.hasNonNull("returnValuesOnConditionCheckFailure")) {
                b.returnValuesOnConditionCheckFailure(s.get("returnValuesOnConditionCheckFailure").asText());
            }
            statements.add(b.build());
        }
        BatchExecuteStatementResponse response = client.batchExecuteStatement(b -> b.statements(statements));
        ArrayNode results = RecordedJson.array();
        for (BatchStatementResponse r : response.responses()) {
            ObjectNode result = RecordedJson.object();
            if (r.error() != null) {
                result.put("error", r.error().codeAsString());
                result.put("message", String.valueOf(r.error().message()));
                if (r.error().hasItem()) {
                    result.set("item", RecordedJson.output(r.error().item()));
                }
            } else if (r.hasItem()) {
                result.set("item", RecordedJson.output(r.item()));
            }
            results.add(result);
        }
        ObjectNode line = RecordedJson.object();
        line.set("batch", results);
        return line;
    }

    private ObjectNode transaction(JsonNode step) {
        List<ParameterizedStatement> statements = new ArrayList<>();
        for (JsonNode s : step.get("transaction")) {
            ParameterizedStatement.Builder b = ParameterizedStatement.builder().statement(s.get("statement").asText());
            List<AttributeValue> parameters = parameters(s);
            if (!parameters.isEmpty()) {
                b.parameters(parameters);
            }
            if (s.hasNonNull("returnValuesOnConditionCheckFailure")) {
                b.returnValuesOnConditionCheckFailure(s.get("returnValuesOnConditionCheckFailure").asText());
            }
            statements.add(b.build());
        }
        ExecuteTransactionRequest.Builder request = ExecuteTransactionRequest.builder().transactStatements(statements);
        if (step.hasNonNull("clientRequestToken")) {
            request.clientRequestToken(step.get("clientRequestToken").asText());
        }
        ExecuteTransactionResponse response = client.executeTransaction(request.build());
        ArrayNode responses = RecordedJson.array();
        for (ItemResponse r : response.responses()) {
            ObjectNode result = RecordedJson.object();
            if (r.hasItem()) {
                result.set("item", RecordedJson.output(r.item()));
            }
            responses.add(result);
        }
        ObjectNode line = RecordedJson.object();
        line.set("responses", responses);
        return line;
    }

    /** {@code {"dump":"T","items":[...]}}: the whole table by Scan, items sorted by canonical text. */
    private ObjectNode dump(String table) {
        ObjectNode line = RecordedJson.object();
        line.put("dump", table);
        List<ObjectNode> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, AttributeValue> from = start;
            ScanResponse response = client.scan(b -> b.tableName(table).exclusiveStartKey(from));
            response.items().forEach(i -> items.add(RecordedJson.output(i)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
            if (start == null) {
                break;
            }
        }
        line.set("items", RecordedJson.sorted(items));
        return line;
    }
}
