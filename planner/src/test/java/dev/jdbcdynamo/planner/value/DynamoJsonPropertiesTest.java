package dev.jdbcdynamo.planner.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class DynamoJsonPropertiesTest {

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void storedFormRoundTrips(@ForAll("items") Map<String, AttributeValue> item) {
        String json = DynamoJson.writeItem(item);
        Map<String, AttributeValue> read = DynamoJson.readItem(json);
        assertThat(read).isEqualTo(item);
        assertThat(read.keySet()).containsExactlyElementsOf(item.keySet());
        assertThat(DynamoJson.writeItem(read)).isEqualTo(json);
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void canonicalFormIsOrderIndependent(@ForAll("items") Map<String, AttributeValue> item) {
        Map<String, AttributeValue> reversed = new LinkedHashMap<>();
        item.keySet().stream().sorted((a, b) -> -Utf8.compare(a, b)).forEach(k -> reversed.put(k, item.get(k)));
        String canonical = DynamoJson.canonicalItem(item);
        assertThat(DynamoJson.canonicalItem(reversed)).isEqualTo(canonical);
        assertThat(DynamoJson.canonicalItem(DynamoJson.readItem(canonical))).isEqualTo(canonical);
        assertThat(DynamoJson.itemFromJson(DynamoJson.itemToJson(item))).isEqualTo(item);
    }

    @Provide
    Arbitrary<Map<String, AttributeValue>> items() {
        Arbitrary<AttributeValue> values = scalars();
        for (int depth = 0; depth < 3; depth++) {
            values = Arbitraries.frequencyOf(
                    Tuple.of(4, scalars()),
                    Tuple.of(1, values.list().ofMaxSize(3).map(AttributeValue.L::new)),
                    Tuple.of(1, Arbitraries.maps(names(), values).ofMaxSize(3).map(AttributeValue.M::new)));
        }
        return Arbitraries.maps(names(), values).ofMaxSize(6);
    }

    private Arbitrary<String> names() {
        return Arbitraries.strings().withChars("ab\u00E9\uFFFF").withCharRange('x', 'z').ofMaxLength(3);
    }

    private Arbitrary<AttributeValue> scalars() {
        Arbitrary<BigDecimal> numbers = Combinators.combine(
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-99999), BigInteger.valueOf(99999)),
                Arbitraries.integers().between(-120, 130)).as((unscaled, scale) -> DynamoNumber.normalize(new BigDecimal(unscaled, scale)));
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(5).filter(DynamoJsonPropertiesTest::wellFormed).map(AttributeValue.S::new),
                numbers.map(AttributeValue.N::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(4).map(AttributeValue.B::of),
                Arbitraries.of(AttributeValue.Bool.TRUE, AttributeValue.Bool.FALSE, AttributeValue.Null.INSTANCE),
                names().set().ofMinSize(1).ofMaxSize(3).map(AttributeValue.SS::new),
                numbers.set().ofMinSize(1).ofMaxSize(3).map(AttributeValue.NS::new),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3).map(Bytes::copyOf).set().ofMinSize(1).ofMaxSize(3)
                        .map(AttributeValue.BS::new));
    }

    private static boolean wellFormed(String s) {
        return s.codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }
}
