package dev.jdbcdynamo.driver.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's properties table and the declared properties say the same: keys, types and defaults. */
class ConnectionPropertyDocsTest {
    private static final Pattern ROW = Pattern.compile("^\\| (`[A-Za-z]+`(?:, `[A-Za-z]+`)*) \\|\\s*([^|]*?)\\s*\\|\\s*([^|]*?)\\s*\\|");

    @Test
    void readmeTableListsEveryPropertyWithItsDefaultAndAcceptedValues() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int header = lines.indexOf("| property | type | default | meaning |");
        assertThat(header).as("the README's properties table").isPositive();
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            Matcher m = ROW.matcher(lines.get(i));
            assertThat(m.find()).as("row %s", lines.get(i)).isTrue();
            for (String key : m.group(1).replace("`", "").split(", ")) {
                rows.put(key, new String[] {m.group(2).trim(), m.group(3).trim()});
            }
        }
        for (ConnectionProperty p : ConnectionProperty.values()) {
            assertThat(rows).as("README row of %s", p.key()).containsKey(p.key());
            String[] row = rows.remove(p.key());
            String documentedDefault = row[1].replace("`", "");
            if (p.defaultText() == null) {
                assertThat(documentedDefault).as("default of %s", p.key()).isIn("", "unset");
            } else {
                assertThat(documentedDefault).as("default of %s", p.key()).isEqualTo(p.defaultText());
            }
            for (String choice : p.type().choices()) {
                assertThat(row[0]).as("type of %s", p.key()).contains("`" + choice + "`");
            }
            if (p.type() instanceof PropertyType.IntRange range) {
                assertThat(row[0]).as("type of %s", p.key()).startsWith("integer")
                        .contains(range.max() == Integer.MAX_VALUE ? "from " + range.min() : range.min() + ".." + range.max());
            }
        }
        assertThat(rows).as("README rows without a declared property").isEmpty();
    }
}
