package dev.jdbcdynamo.bench.conformance.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The generated cases by {@code <category>/<name>}, written sorted and with stable text. */
final class Corpus {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]+/[a-z0-9_]+");
    private static final ObjectWriter WRITER = JsonMapper.builder().build()
            .writer(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private final Map<String, CaseFile> cases = new TreeMap<>();

    /** Adds a case; a name given twice is a bug of the generator. */
    void add(String category, String name, CaseFile c) {
        String key = category + "/" + name;
        if (!NAME.matcher(key).matches()) {
            throw new IllegalArgumentException("case names are [a-z0-9_]: " + key);
        }
        if (cases.putIfAbsent(key, c) != null) {
            throw new IllegalStateException("generated twice: " + key);
        }
    }

    int size() {
        return cases.size();
    }

    /**
     * Replaces the directory's cases with these: every {@code .json} and {@code .expected} below it
     * is deleted first, so a case the generator no longer makes does not linger.
     */
    void writeTo(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    String n = f.getFileName().toString();
                    if (n.endsWith(".json") || n.endsWith(".expected") || (Files.isDirectory(f) && !f.equals(directory))) {
                        Files.delete(f);
                    }
                }
            }
        }
        for (Map.Entry<String, CaseFile> e : cases.entrySet()) {
            Path file = directory.resolve(e.getKey() + ".json");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text(e.getValue()), StandardCharsets.UTF_8);
        }
    }

    private static String text(CaseFile c) {
        try {
            return WRITER.writeValueAsString(c.json()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
