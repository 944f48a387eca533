package dev.jdbcdynamo.planner.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.error.DynamoException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void ordersByCodePointNotUtf16() {
        List<String> strings = new ArrayList<>(List.of("\uD83D\uDE00", "\uFFFF", "\uE000", "\uD7FF", "z", "", "\uD800\uDC00"));
        strings.sort(Utf8.ORDER);
        assertThat(strings).containsExactly("", "z", "\uD7FF", "\uE000", "\uFFFF", "\uD800\uDC00", "\uD83D\uDE00");
    }

    @Test
    void prefixesSortFirst() {
        assertThat(Utf8.compare("a", "a ")).isNegative();
        assertThat(Utf8.compare("ab", "a")).isPositive();
        assertThat(Utf8.compare("\u00E9", "\u00E9")).isZero();
    }

    @Test
    void lengthIsTheEncodedLength() {
        for (String s : List.of("", "a", "\u00E9", "\u20AC", "\uD83D\uDE00", "x\uD83D\uDE00y\u07FF\u0800")) {
            assertThat(Utf8.length(s)).as(s).isEqualTo(Utf8.encode(s).length);
        }
        assertThat(Utf8.length("\uD800")).isEqualTo(3);
    }

    @Test
    void encodingRefusesUnpairedSurrogates() {
        assertThatThrownBy(() -> Utf8.encode("ok\uDE00")).isInstanceOf(DynamoException.class)
                .hasMessageContaining("U+DE00 at index 2");
        assertThatThrownBy(() -> Utf8.encode("\uD83D")).isInstanceOf(DynamoException.class);
        assertThat(Utf8.decode(Utf8.encode("\uD83D\uDE00"))).isEqualTo("\uD83D\uDE00");
    }
}
