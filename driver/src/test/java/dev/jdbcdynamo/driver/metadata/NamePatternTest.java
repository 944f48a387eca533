package dev.jdbcdynamo.driver.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The LIKE-style name patterns of DatabaseMetaData, without a database. */
class NamePatternTest {
    @Test
    void nullAndPercentPatternsMatchEverything() {
        assertThat(NamePattern.of(null).matches("anything")).isTrue();
        assertThat(NamePattern.of("%").matches("")).isTrue();
        assertThat(NamePattern.of("%").matches("a.b-c")).isTrue();
    }

    @Test
    void percentAndUnderscoreAreWildcards() {
        NamePattern pattern = NamePattern.of("Ord%s");
        assertThat(pattern.matches("Orders")).isTrue();
        assertThat(pattern.matches("Ords")).isTrue();
        assertThat(pattern.matches("Orders2")).isFalse();
        assertThat(pattern.matches("orders")).as("names are case-sensitive").isFalse();
        assertThat(NamePattern.of("t_1").matches("tx1")).isTrue();
        assertThat(NamePattern.of("t_1").matches("t1")).isFalse();
        assertThat(NamePattern.of("").matches("")).isTrue();
        assertThat(NamePattern.of("").matches("a")).isFalse();
    }

    @Test
    void escapedWildcardsAreLiteral() {
        String escape = NamePattern.ESCAPE;
        assertThat(escape).isEqualTo("\\");
        NamePattern underscore = NamePattern.of("my" + escape + "_table");
        assertThat(underscore.matches("my_table")).isTrue();
        assertThat(underscore.matches("myXtable")).isFalse();
        NamePattern percent = NamePattern.of("100" + escape + "%");
        assertThat(percent.matches("100%")).isTrue();
        assertThat(percent.matches("1000")).isFalse();
        assertThat(NamePattern.of("a\\\\b").matches("a\\b")).as("escaped escape").isTrue();
        assertThat(NamePattern.of("a\\").matches("a\\")).as("a trailing escape is literal").isTrue();
    }

    @Test
    void regexCharactersInNamesAreLiteral() {
        assertThat(NamePattern.of("a.b").matches("a.b")).isTrue();
        assertThat(NamePattern.of("a.b").matches("axb")).isFalse();
        assertThat(NamePattern.of("x[1]+\\E(y)").matches("x[1]+E(y)")).isTrue();
        assertThat(NamePattern.of("t-%").matches("t-1\nline")).isTrue();
        assertThat(NamePattern.of("a\\\\Eb").matches("a\\Eb")).as("\\E inside a quoted literal").isTrue();
    }
}
