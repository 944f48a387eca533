package dev.jdbcdynamo.driver.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jdbcdynamo.driver.conformance.ConformanceCase.Index;
import dev.jdbcdynamo.driver.conformance.ConformanceCase.Key;
import dev.jdbcdynamo.driver.conformance.ConformanceCase.Kind;
import dev.jdbcdynamo.driver.conformance.ConformanceCase.Step;
import dev.jdbcdynamo.driver.conformance.ConformanceCase.Table;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** Reads conformance cases from a directory, resolving each case's fixtures from {@code _fixtures}. */
final class CaseLoader {
    /** The folder of shared set-ups inside a cases directory. */
    static final String FIXTURES = "_fixtures";
    /** Where the build puts the copied cases on the test classpath. */
    static final String RESOURCE = "/conformance/cases";

    private CaseLoader() {
    }

    /** The cases copied into the test resources, as a directory of the test classpath. */
    static Path resourceDirectory() {
        URL url = CaseLoader.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("No " + RESOURCE + " on the classpath (run with the test classpath)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("The cases at " + url + " are not a directory", e);
        }
    }

    /** Every case below the directory (not the fixtures), sorted by name. */
    static List<ConformanceCase> loadAll(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> cases = files
                    .filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !directory.relativize(f).startsWith(FIXTURES))
                    .sorted()
                    .toList();
            List<ConformanceCase> loaded = new ArrayList<>();
            for (Path file : cases) {
                loaded.add(load(directory, file));
            }
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One case file of the directory, with its fixtures and its expected lines. */
    static ConformanceCase load(Path directory, Path file) {
        String relative = directory.relativize(file).toString().replace('\\', '/');
        String name = relative.substring(0, relative.length() - ".json".length());
        try {
            JsonNode root = read(file);
            List<String> fixtures = new ArrayList<>();
            List<Table> tables = new ArrayList<>();
            Map<String, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
            Map<String, List<Map<String, AttributeValue>>> plainItems = new LinkedHashMap<>();
            for (JsonNode fixture : root.path("fixtures")) {
                fixtures.add(fixture.asText());
                JsonNode setUp = read(directory.resolve(FIXTURES).resolve(fixture.asText() + ".json"));
                addSetUp(setUp, tables, items, plainItems);
            }
            addSetUp(root, tables, items, plainItems);
            List<Step> steps = new ArrayList<>();
            for (JsonNode step : root.path("steps")) {
                steps.add(step(step));
            }
            return new ConformanceCase(name, root.path("description").asText(""),
                    root.hasNonNull("suspectedLocalDeviation") ? root.get("suspectedLocalDeviation").asText() : null,
                    List.copyOf(fixtures), List.copyOf(tables), items, plainItems, List.copyOf(steps),
                    dumpTables(root.get("dump"), tables, steps), expectedLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read case " + name, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Malformed case " + name + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode read(Path file) throws IOException {
        // DynamoJson's trees keep decimals exact, so plain-JSON numbers keep their text.
        return DynamoJson.readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static List<String> expectedLines(Path caseFile) throws IOException {
        String fileName = caseFile.getFileName().toString();
        Path expected = caseFile.resolveSibling(fileName.substring(0, fileName.length() - ".json".length()) + ".expected");
        if (!Files.exists(expected)) {
            return List.of();
        }
        return Files.readAllLines(expected, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    private static void addSetUp(JsonNode node, List<Table> tables, Map<String, List<Map<String, AttributeValue>>> items,
            Map<String, List<Map<String, AttributeValue>>> plainItems) {
        for (JsonNode table : node.path("tables")) {
            tables.add(table(table));
        }
        addItems(node.path("items"), items, DynamoJson::itemFromJson);
        addItems(node.path("plainItems"), plainItems, DynamoJson::itemFromPlainJson);
    }

    private static void addItems(JsonNode byTable, Map<String, List<Map<String, AttributeValue>>> into,
            Function<JsonNode, Map<String, AttributeValue>> convert) {
        for (Map.Entry<String, JsonNode> entry : byTable.properties()) {
            List<Map<String, AttributeValue>> list = into.computeIfAbsent(entry.getKey(), k -> new ArrayList<>());
            for (JsonNode item : entry.getValue()) {
                list.add(convert.apply(item));
            }
        }
    }

    private static Table table(JsonNode node) {
        Key hash = key(node.get("hash").asText());
        Key range = node.hasNonNull("range") ? key(node.get("range").asText()) : null;
        List<Index> local = new ArrayList<>();
        for (JsonNode lsi : node.path("lsi")) {
            local.add(index(lsi, hash));
        }
        List<Index> global = new ArrayList<>();
        for (JsonNode gsi : node.path("gsi")) {
            global.add(index(gsi, null));
        }
        return new Table(node.get("name").asText(), hash, range, List.copyOf(local), List.copyOf(global));
    }

    private static Index index(JsonNode node, Key tableHash) {
        Key hash = tableHash != null ? tableHash : key(node.get("hash").asText());
        Key range = node.hasNonNull("range") ? key(node.get("range").asText()) : null;
        JsonNode projection = node.get("projection");
        List<String> include = new ArrayList<>();
        String kind;
        if (projection == null || projection.isNull()) {
            kind = "ALL";
        } else if (projection.isArray()) {
            kind = "INCLUDE";
            projection.forEach(a -> include.add(a.asText()));
        } else {
            kind = projection.asText();
        }
        return new Index(node.get("name").asText(), hash, range, kind, List.copyOf(include));
    }

    /** {@code name:TYPE}; the name may itself hold colons. */
    private static Key key(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("A key is name:TYPE, not '" + text + "'");
        }
        return new Key(text.substring(0, colon), text.substring(colon + 1));
    }

    private static Step step(JsonNode node) {
        List<JsonNode> parameters = new ArrayList<>();
        node.path("parameters").forEach(parameters::add);
        String order = node.hasNonNull("order") ? node.get("order").asText() : null;
        Integer limit = node.hasNonNull("limit") ? node.get("limit").asInt() : null;
        boolean consistent = node.path("consistentRead").asBoolean(false);
        String returnValues = node.hasNonNull("returnValuesOnConditionCheckFailure")
                ? node.get("returnValuesOnConditionCheckFailure").asText() : null;
        if (node.has("statement")) {
            return new Step(Kind.STATEMENT, node.get("statement").asText(), List.copyOf(parameters), order, limit,
                    consistent, returnValues, List.of(), null);
        }
        Kind kind;
        JsonNode group;
        if (node.has("batch")) {
            kind = Kind.BATCH;
            group = node.get("batch");
        } else if (node.has("transaction")) {
            kind = Kind.TRANSACTION;
            group = node.get("transaction");
        } else if (node.has("dump")) {
            return new Step(Kind.DUMP, null, List.of(), null, null, false, null, List.of(), node.get("dump").asText());
        } else {
            throw new IllegalArgumentException("A step needs statement, batch, transaction or dump: " + node);
        }
        List<Step> statements = new ArrayList<>();
        for (JsonNode statement : group) {
            statements.add(step(statement));
        }
        return new Step(kind, null, List.of(), order, limit, consistent, returnValues, List.copyOf(statements), null);
    }

    /** The README's rule: a list or one name as given, true = all, false = none, absent = all if any step writes. */
    private static List<String> dumpTables(JsonNode dump, List<Table> tables, List<Step> steps) {
        List<String> all = tables.stream().map(Table::name).toList();
        if (dump == null || dump.isNull()) {
            return steps.stream().anyMatch(Step::writes) ? all : List.of();
        }
        if (dump.isBoolean()) {
            return dump.asBoolean() ? all : List.of();
        }
        if (dump.isArray()) {
            List<String> names = new ArrayList<>();
            dump.forEach(n -> names.add(n.asText()));
            return List.copyOf(names);
        }
        return List.of(dump.asText());
    }
}
