package dev.jdbcdynamo.planner.plan;

import dev.jdbcdynamo.planner.path.SortRange;
import dev.jdbcdynamo.planner.path.AccessPath;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jdbcdynamo.planner.calcite.AccessPathPlanner;
import dev.jdbcdynamo.planner.catalog.Catalog;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.KeyType;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.parse.Parser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Golden plans of every statement of the recorded conformance cases (PartiQL, DynamoDB's
 * semantics): the access path Calcite's rules chose and the physical SQL sent to the shards, or the
 * error the binder gave. {@code -Dgolden.update=true} rewrites the golden file; review its diff.
 */
class ConformancePlanGoldenTest {
    private static final Path CASES = Path.of("..", "driver", "src", "test", "resources", "conformance", "cases");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "conformance-plans.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void plansMatchTheGoldenFile() throws IOException {
        Map<String, JsonNode> fixtures = fixtures();
        AccessPathPlanner.warmUpInBackground();
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(CASES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                if (file.getParent().getFileName().toString().equals("_fixtures")) {
                    continue;
                }
                JsonNode json = JSON.readTree(file.toFile());
                Catalog catalog = catalog(json, fixtures);
                JsonNode steps = json.path("steps");
                for (int i = 0; i < steps.size(); i++) {
                    List<JsonNode> group = new ArrayList<>();
                    if (steps.get(i).has("statement")) {
                        group.add(steps.get(i));
                    }
                    steps.get(i).path("batch").forEach(group::add);
                    steps.get(i).path("transaction").forEach(group::add);
                    for (JsonNode node : group) {
                        String sql = node.get("statement").asText();
                        out.append(CASES.relativize(file)).append(" step ").append(i + 1).append(": ")
                                .append(sql.replaceAll("\\s+", " ")).append('\n')
                                .append("    -> ").append(describe(catalog, sql)).append('\n');
                    }
                }
            }
        }
        String actual = out.toString();
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertThat(GOLDEN).as("golden file; create it with -Dgolden.update=true").exists();
        assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }

    private static String describe(Catalog catalog, String sql) {
        Plan plan;
        try {
            plan = new Binder(catalog, Language.PARTIQL).bind(Parser.parse(sql).statement());
        } catch (DynamoException e) {
            return "error " + e.code().errorName() + ": " + e.getMessage();
        }
        if (plan instanceof Plan.Select select) {
            return select.path().kind() + (select.filter() == null ? "" : " + filter") + " | "
                    + physicalSql(select);
        } else if (plan instanceof Plan.Insert insert) {
            return "PutItem | " + PhysicalSql.insert(insert.table());
        } else if (plan instanceof Plan.Update update) {
            return "UpdateItem" + (update.condition() == null ? "" : " + condition") + " | "
                    + PhysicalSql.replaceItemIfUnchanged(update.table());
        } else if (plan instanceof Plan.Delete delete) {
            return "DeleteItem" + (delete.condition() == null ? "" : " + condition") + " | "
                    + PhysicalSql.delete(delete.table());
        }
        return plan.getClass().getSimpleName();
    }

    static String physicalSql(Plan.Select select) {
        AccessPath path = select.path();
        if (path instanceof AccessPath.GetItem) {
            return PhysicalSql.getItem(select.table());
        } else if (path instanceof AccessPath.Scan) {
            return PhysicalSql.scan(select.table());
        } else if (path instanceof AccessPath.IndexQuery iq) {
            IndexDef index = iq.index();
            if (iq.path() instanceof AccessPath.Scan) {
                return index.global() ? PhysicalSql.globalIndexScan(select.table(), index)
                        : PhysicalSql.localIndexScan(select.table(), index);
            }
            SortRange ir = iq.path() instanceof AccessPath.Query q ? q.range() : ((AccessPath.MultiQuery) iq.path()).range();
            boolean idesc = iq.path() instanceof AccessPath.Query q ? q.descending()
                    : ((AccessPath.MultiQuery) iq.path()).descending();
            return index.global()
                    ? PhysicalSql.globalIndexQuery(select.table(), index, PhysicalSql.lowerBound(ir), PhysicalSql.upperBound(ir), idesc)
                    : PhysicalSql.localIndexQuery(select.table(), index, PhysicalSql.lowerBound(ir), PhysicalSql.upperBound(ir), idesc);
        }
        SortRange r = path instanceof AccessPath.Query q ? q.range() : ((AccessPath.MultiQuery) path).range();
        boolean desc = path instanceof AccessPath.Query q ? q.descending() : ((AccessPath.MultiQuery) path).descending();
        return PhysicalSql.query(select.table(), PhysicalSql.lowerBound(r), PhysicalSql.upperBound(r), desc);
    }

    /** The fixture files by name (without .json). */
    private static Map<String, JsonNode> fixtures() throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(CASES)) {
            for (Path file : files.filter(f -> f.getParent().getFileName().toString().equals("_fixtures")
                    && f.toString().endsWith(".json")).sorted().toList()) {
                out.put(file.getFileName().toString().replace(".json", ""), JSON.readTree(file.toFile()));
            }
        }
        return out;
    }

    /** A case's tables: those of its fixtures, then its own, numbered in that order. */
    private static Catalog catalog(JsonNode json, Map<String, JsonNode> fixtures) {
        List<JsonNode> definitions = new ArrayList<>();
        for (JsonNode fixture : json.path("fixtures")) {
            JsonNode f = fixtures.get(fixture.asText());
            if (f != null) {
                f.path("tables").forEach(definitions::add);
            }
        }
        json.path("tables").forEach(definitions::add);
        Map<String, TableDef> tables = new LinkedHashMap<>();
        for (JsonNode t : definitions) {
            String name = t.get("name").asText();
            KeyAttribute hash = key(t.get("hash").asText());
            List<KeyAttribute> attributes = new ArrayList<>();
            List<IndexDef> indexes = new ArrayList<>();
            for (JsonNode lsi : t.path("lsi")) {
                indexes.add(index(lsi, false, indexes.size() + 1, hash, attributes));
            }
            for (JsonNode gsi : t.path("gsi")) {
                indexes.add(index(gsi, true, indexes.size() + 1, key(gsi.get("hash").asText()), attributes));
            }
            tables.put(name, new TableDef(tables.size() + 1, name, hash,
                    t.has("range") ? key(t.get("range").asText()) : null, attributes, indexes, 1));
        }
        return new Catalog() {
            @Override
            public Optional<TableDef> table(String name) {
                return Optional.ofNullable(tables.get(name));
            }

            @Override
            public Collection<TableDef> tables() {
                return tables.values();
            }
        };
    }

    /** An index of a fixture: {@code hash}/{@code range} as {@code name:TYPE}, projection ALL, KEYS_ONLY or a list. */
    private static IndexDef index(JsonNode node, boolean global, int number, KeyAttribute hash,
                                  List<KeyAttribute> attributes) {
        KeyAttribute range = node.hasNonNull("range") ? key(node.get("range").asText()) : null;
        for (KeyAttribute k : java.util.Arrays.asList(hash, range)) {
            if (k != null && attributes.stream().noneMatch(a -> a.name().equals(k.name()))) {
                attributes.add(k);
            }
        }
        JsonNode projection = node.get("projection");
        List<String> include = new ArrayList<>();
        IndexDef.IndexProjection kind;
        if (projection == null || projection.isNull()) {
            kind = IndexDef.IndexProjection.ALL;
        } else if (projection.isArray()) {
            kind = IndexDef.IndexProjection.INCLUDE;
            projection.forEach(a -> include.add(a.asText()));
        } else {
            kind = IndexDef.IndexProjection.valueOf(projection.asText());
        }
        return new IndexDef(node.get("name").asText(), global, number, hash, range, kind, include);
    }

    private static KeyAttribute key(String spec) {
        int colon = spec.lastIndexOf(':');
        return new KeyAttribute(spec.substring(0, colon), KeyType.valueOf(spec.substring(colon + 1)));
    }
}
