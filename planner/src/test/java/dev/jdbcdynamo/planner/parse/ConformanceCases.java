package dev.jdbcdynamo.planner.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The statements of the recorded DynamoDB conformance cases, each with the error its step ended in, if any. */
final class ConformanceCases {
    /**
     * The cases of the repository (the driver's test resources), relative to the planner module,
     * which is Maven's working directory for tests. Never a folder outside the repository: a fresh
     * clone must run every case.
     */
    static final Path DIRECTORY = Path.of("..", "driver", "src", "test", "resources", "conformance", "cases");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRANSACT_STATEMENTS = "Validation failed in TransactStatements[";

    /** One statement of a case: where it is, its text, and its step's error code and message or null. */
    record CaseStatement(String where, String text, String error, String message) {
    }

    private ConformanceCases() {
    }

    /** Every statement of every case; fails when the folder is missing or holds no case. */
    static List<CaseStatement> all() {
        if (!Files.isDirectory(DIRECTORY)) {
            throw new IllegalStateException("No conformance cases at " + DIRECTORY.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(DIRECTORY)) {
            List<CaseStatement> statements = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                if (!file.getParent().getFileName().toString().equals("_fixtures")) {
                    read(file, statements);
                }
            }
            if (statements.isEmpty()) {
                throw new IllegalStateException("No conformance case in " + DIRECTORY.toAbsolutePath());
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void read(Path file, List<CaseStatement> out) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root.hasNonNull("suspectedLocalDeviation")) {
            // Its recorded answer is DynamoDB Local's where the service (and the driver) answer otherwise.
            return;
        }
        JsonNode steps = root.path("steps");
        Path expectedFile = file.resolveSibling(file.getFileName().toString().replace(".json", ".expected"));
        List<JsonNode> expected = new ArrayList<>();
        if (Files.exists(expectedFile)) {
            for (String line : Files.readAllLines(expectedFile)) {
                if (!line.isBlank()) {
                    expected.add(JSON.readTree(line));
                }
            }
        }
        String name = DIRECTORY.relativize(file).toString();
        for (int i = 0; i < steps.size(); i++) {
            int step = i + 1;
            JsonNode result = expected.stream().filter(e -> e.path("step").asInt() == step).findFirst().orElse(null);
            String error = result == null || !result.has("error") ? null : result.get("error").asText();
            String message = error == null ? null : result.path("message").asText();
            JsonNode node = steps.get(i);
            List<JsonNode> group = new ArrayList<>();
            if (node.has("statement")) {
                group.add(node);
            }
            node.path("batch").forEach(group::add);
            node.path("transaction").forEach(group::add);
            for (int j = 0; j < group.size(); j++) {
                String where = name + " step " + step + (group.size() > 1 ? " #" + (j + 1) : "");
                JsonNode answer = result == null ? null : result.path("batch").get(j);
                if (node.has("batch") && answer != null) {
                    // A batch answers each statement on its own: a refused one as a ValidationError.
                    boolean failed = answer.has("error");
                    out.add(new CaseStatement(where, group.get(j).get("statement").asText(),
                            failed ? answer.get("error").asText().replace("ValidationError", "ValidationException") : null,
                            failed ? answer.path("message").asText() : null));
                } else if (node.has("transaction") && message != null && message.startsWith(TRANSACT_STATEMENTS)) {
                    // "Validation failed in TransactStatements[i]: ..." names the statement it is about.
                    int end = message.indexOf("]: ");
                    boolean named = Integer.parseInt(message.substring(TRANSACT_STATEMENTS.length(), end)) == j;
                    out.add(new CaseStatement(where, group.get(j).get("statement").asText(), named ? error : null,
                            named ? message.substring(end + 3) : null));
                } else {
                    out.add(new CaseStatement(where, group.get(j).get("statement").asText(), error, message));
                }
            }
        }
    }
}
