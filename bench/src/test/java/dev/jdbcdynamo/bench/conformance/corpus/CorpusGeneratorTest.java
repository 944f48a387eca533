package dev.jdbcdynamo.bench.conformance.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's output is stable, covers every category and replaces what the folder held. */
class CorpusGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void writesTheSameFilesTwice() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        CorpusGenerator.generate().writeTo(first);
        CorpusGenerator.generate().writeTo(second);
        List<Path> files = files(first);
        assertThat(files).hasSizeBetween(400, 800);
        assertThat(files(second)).isEqualTo(files);
        for (Path f : files) {
            assertThat(Files.readString(second.resolve(f))).as(f.toString()).isEqualTo(Files.readString(first.resolve(f)));
        }
        assertThat(files.stream().map(f -> f.getName(0).toString()).distinct().sorted())
                .containsExactly("batch", "compare", "dml", "function", "limits", "transaction", "types");
    }

    @Test
    void replacesStaleCasesAndExpectations() throws IOException {
        Path stale = dir.resolve("old").resolve("gone.json");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "{}");
        Files.writeString(dir.resolve("old").resolve("gone.expected"), "{}");
        CorpusGenerator.generate().writeTo(dir);
        assertThat(dir.resolve("old")).doesNotExist();
        assertThat(dir.resolve("compare").resolve("sk_lt_left.json")).exists();
    }

    @Test
    void refusesACaseNamedTwice() {
        Corpus corpus = new Corpus();
        corpus.add("dml", "one", new CaseFile("a"));
        assertThatThrownBy(() -> corpus.add("dml", "one", new CaseFile("b"))).hasMessageContaining("generated twice");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
