package dev.jdbcdynamo.planner.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemSizeTest {

    @Test
    void scalarSizes() {
        assertThat(ItemSize.of(new AttributeValue.S("abc"))).isEqualTo(3);
        assertThat(ItemSize.of(new AttributeValue.S("\u00E9\u20AC\uD83D\uDE00"))).isEqualTo(2 + 3 + 4);
        assertThat(ItemSize.of(AttributeValue.B.of(new byte[5]))).isEqualTo(5);
        assertThat(ItemSize.of(AttributeValue.Bool.TRUE)).isEqualTo(1);
        assertThat(ItemSize.of(AttributeValue.Null.INSTANCE)).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 2",
        "7, 2",
        "12, 2",
        "123, 3",
        "-1234, 3",
        "12345, 4",
        "1000000, 2", // trailing zeros are not significant
        "0.001, 2",
        "12345678901234567890123456789012345678, 20",
    })
    void numberSizeIsOneBytePerTwoDigitsPlusOne(String number, long size) {
        assertThat(ItemSize.of(AttributeValue.N.of(number))).isEqualTo(size);
    }

    @Test
    void documentsCostThreeBytesPlusOnePerElement() {
        // M: 3 + 1 element + name "x" (1) + N 1 (2)
        assertThat(ItemSize.of(new AttributeValue.M(Map.of("x", AttributeValue.N.of(1))))).isEqualTo(7);
        // L: 3 + 2 elements + "ab" (2) + BOOL (1)
        assertThat(ItemSize.of(new AttributeValue.L(List.of(new AttributeValue.S("ab"), AttributeValue.Bool.TRUE)))).isEqualTo(8);
        assertThat(ItemSize.of(new AttributeValue.M(Map.of()))).isEqualTo(3);
        assertThat(ItemSize.of(new AttributeValue.L(List.of()))).isEqualTo(3);
        // nested: outer L 3 + 1 + inner M (3 + 1 + "k" 1 + NULL 1)
        assertThat(ItemSize.of(new AttributeValue.L(List.of(new AttributeValue.M(Map.of("k", AttributeValue.Null.INSTANCE))))))
                .isEqualTo(10);
    }

    @Test
    void setsCostTheSumOfTheirElements() {
        assertThat(ItemSize.of(new AttributeValue.SS(Set.of("a", "bcd")))).isEqualTo(4);
        assertThat(ItemSize.of(new AttributeValue.NS(Set.of(BigDecimal.ONE, new BigDecimal("123"))))).isEqualTo(2 + 3);
        assertThat(ItemSize.of(new AttributeValue.BS(Set.of(Bytes.copyOf(new byte[2]), Bytes.copyOf(new byte[3]))))).isEqualTo(5);
    }

    @Test
    void itemSizeCountsAttributeNames() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", new AttributeValue.S("t1"));          // 2 + 2
        item.put("\u00E9t\u00E9", AttributeValue.N.of(42));  // 5 + 2
        item.put("tags", new AttributeValue.SS(Set.of("x"))); // 4 + 1
        assertThat(ItemSize.of(item)).isEqualTo(4 + 7 + 5);
    }

    @Test
    void the400KbLimitIsInclusive() {
        Map<String, AttributeValue> atLimit = Map.of("a", new AttributeValue.S("x".repeat(ItemSize.MAX_ITEM_BYTES - 1)));
        assertThat(ItemSize.of(atLimit)).isEqualTo(409_600);
        ItemSize.check(atLimit);

        Map<String, AttributeValue> over = Map.of("a", new AttributeValue.S("x".repeat(ItemSize.MAX_ITEM_BYTES)));
        assertThatThrownBy(() -> ItemSize.check(over))
                .isInstanceOf(DynamoException.class)
                .hasMessage("Item size has exceeded the maximum allowed size")
                .satisfies(e -> assertThat(((DynamoException) e).code()).isEqualTo(ErrorCode.ITEM_TOO_LARGE));
    }

    @Test
    void aValueNestsAtMostThirtyTwoDocuments() {
        AttributeValue value = new AttributeValue.N(BigDecimal.ONE);
        for (int i = 0; i < 32; i++) {
            value = i % 2 == 0 ? new AttributeValue.M(Map.of("a", value)) : new AttributeValue.L(List.of(value));
        }
        ItemSize.check(Map.of("v", value));
        Map<String, AttributeValue> deeper = Map.of("v", new AttributeValue.M(Map.of("a", value)));
        assertThatThrownBy(() -> ItemSize.check(deeper)).isInstanceOf(DynamoException.class)
                .hasMessage("Nesting Levels have exceeded supported limits: "
                        + "Attributes in the item have nested levels beyond supported limit");
    }
}
