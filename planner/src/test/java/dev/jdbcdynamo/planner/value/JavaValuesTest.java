package dev.jdbcdynamo.planner.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JavaValuesTest {

    @Test
    void scalarsToJava() {
        assertThat(JavaValues.toJava(new AttributeValue.S("x"))).isEqualTo("x");
        assertThat(JavaValues.toJava(AttributeValue.N.of("1.50"))).isEqualTo(new BigDecimal("1.5"));
        assertThat(JavaValues.toJava(AttributeValue.B.of(new byte[] {1, 2}))).isEqualTo(new byte[] {1, 2});
        assertThat(JavaValues.toJava(AttributeValue.Bool.TRUE)).isEqualTo(Boolean.TRUE);
        assertThat(JavaValues.toJava(AttributeValue.Null.INSTANCE)).isNull();
    }

    @Test
    void documentsToJavaKeepOrderAndNulls() {
        Map<String, AttributeValue> members = new LinkedHashMap<>();
        members.put("z", AttributeValue.Null.INSTANCE);
        members.put("a", new AttributeValue.L(List.of(AttributeValue.N.of(1), AttributeValue.Null.INSTANCE)));
        Object map = JavaValues.toJava(new AttributeValue.M(members));
        assertThat(map).isInstanceOf(LinkedHashMap.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> javaMap = (Map<String, Object>) map;
        assertThat(javaMap.keySet()).containsExactly("z", "a");
        assertThat(javaMap.get("z")).isNull();
        assertThat(javaMap.containsKey("z")).isTrue();
        assertThat(javaMap.get("a")).isEqualTo(Arrays.asList(BigDecimal.ONE, null));
    }

    @Test
    void setsToJava() {
        assertThat(JavaValues.toJava(new AttributeValue.SS(Set.of("a", "b")))).isEqualTo(Set.of("a", "b"));
        assertThat(JavaValues.toJava(new AttributeValue.NS(Set.of(new BigDecimal("2.0"))))).isEqualTo(Set.of(BigDecimal.valueOf(2)));
        Object bs = JavaValues.toJava(new AttributeValue.BS(Set.of(Bytes.copyOf(new byte[] {1}), Bytes.copyOf(new byte[] {2, 3}))));
        assertThat(bs).isEqualTo(Set.of(ByteBuffer.wrap(new byte[] {1}), ByteBuffer.wrap(new byte[] {2, 3})));
        assertThat((Set<?>) bs).allSatisfy(b -> assertThat(((ByteBuffer) b).isReadOnly()).isTrue());
    }

    @Test
    void numbersFromJava() {
        assertThat(JavaValues.fromJava(42)).isEqualTo(AttributeValue.N.of(42));
        assertThat(JavaValues.fromJava(Long.MIN_VALUE)).isEqualTo(AttributeValue.N.of(Long.MIN_VALUE));
        assertThat(JavaValues.fromJava((short) -3)).isEqualTo(AttributeValue.N.of(-3));
        assertThat(JavaValues.fromJava((byte) 7)).isEqualTo(AttributeValue.N.of(7));
        assertThat(JavaValues.fromJava(new BigInteger("123456789012345678901234567890")))
                .isEqualTo(AttributeValue.N.of("123456789012345678901234567890"));
        assertThat(JavaValues.fromJava(new BigDecimal("1.50"))).isEqualTo(AttributeValue.N.of("1.5"));
        assertThat(JavaValues.fromJava(0.1f)).isEqualTo(AttributeValue.N.of("0.1"));
        assertThat(JavaValues.fromJava(0.1d)).isEqualTo(AttributeValue.N.of("0.1"));
        assertThat(JavaValues.fromJava(1e20d)).isEqualTo(AttributeValue.N.of("100000000000000000000"));
        assertThat(JavaValues.fromJava(-0.0d)).isEqualTo(AttributeValue.N.of(0));
        assertThat(JavaValues.fromJava(new AtomicLong(5))).isEqualTo(AttributeValue.N.of(5));
    }

    @Test
    void numbersDynamoDbCannotHoldAreRejected() {
        for (Object nonNumber : List.of(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN)) {
            assertThatThrownBy(() -> JavaValues.fromJava(nonNumber))
                    .isInstanceOf(DynamoException.class)
                    .hasMessageContaining("NaN or infinite")
                    .satisfies(e -> assertThat(((DynamoException) e).code()).isEqualTo(ErrorCode.VALIDATION));
        }
        assertThatThrownBy(() -> JavaValues.fromJava(1e300))
                .isInstanceOf(DynamoException.class)
                .hasMessage(DynamoNumber.OVERFLOW_MESSAGE)
                .satisfies(e -> assertThat(((DynamoException) e).code()).isEqualTo(ErrorCode.NUMBER_INVALID));
        assertThatThrownBy(() -> JavaValues.fromJava(Double.MIN_VALUE)).hasMessage(DynamoNumber.UNDERFLOW_MESSAGE);
    }

    @Test
    void otherScalarsFromJava() {
        assertThat(JavaValues.fromJava(null)).isEqualTo(AttributeValue.Null.INSTANCE);
        assertThat(JavaValues.fromJava("s")).isEqualTo(new AttributeValue.S("s"));
        assertThat(JavaValues.fromJava(false)).isEqualTo(AttributeValue.Bool.FALSE);
        AttributeValue value = AttributeValue.N.of(3);
        assertThat(JavaValues.fromJava(value)).isSameAs(value);

        byte[] bytes = {1, 2, 3};
        AttributeValue b = JavaValues.fromJava(bytes);
        bytes[0] = 9;
        assertThat(b).as("copied").isEqualTo(AttributeValue.B.of(new byte[] {1, 2, 3}));

        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0, 1, 2, 3});
        buffer.position(1);
        assertThat(JavaValues.fromJava(buffer)).isEqualTo(AttributeValue.B.of(new byte[] {1, 2, 3}));
        assertThat(buffer.position()).as("buffer untouched").isEqualTo(1);
    }

    @Test
    void documentsFromJava() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("n", null);
        map.put("l", Arrays.asList(1, "a", null, List.of()));
        map.put("m", Map.of("k", true));
        AttributeValue value = JavaValues.fromJava(map);
        Map<String, AttributeValue> expected = new LinkedHashMap<>();
        expected.put("n", AttributeValue.Null.INSTANCE);
        expected.put("l", new AttributeValue.L(List.of(AttributeValue.N.of(1), new AttributeValue.S("a"),
                AttributeValue.Null.INSTANCE, new AttributeValue.L(List.of()))));
        expected.put("m", new AttributeValue.M(Map.of("k", AttributeValue.Bool.TRUE)));
        assertThat(value).isEqualTo(new AttributeValue.M(expected));
        assertThat(((AttributeValue.M) value).value().keySet()).containsExactly("n", "l", "m");
    }

    @Test
    void mapKeysMustBeStrings() {
        Map<Object, Object> map = new HashMap<>();
        map.put(1, "x");
        assertThatThrownBy(() -> JavaValues.fromJava(map))
                .isInstanceOf(DynamoException.class)
                .hasMessage("Map keys must be Strings to become a DynamoDB M value, found a java.lang.Integer");
    }

    @Test
    void setsFromJava() {
        assertThat(JavaValues.fromJava(Set.of("a", "b"))).isEqualTo(new AttributeValue.SS(Set.of("a", "b")));
        assertThat(JavaValues.fromJava(new LinkedHashSet<>(List.of(1, 2.5, new BigDecimal("3.00")))))
                .isEqualTo(new AttributeValue.NS(Set.of(BigDecimal.ONE, new BigDecimal("2.5"), BigDecimal.valueOf(3))));
        Set<Object> binaries = new LinkedHashSet<>(List.of(new byte[] {1}, ByteBuffer.wrap(new byte[] {2})));
        assertThat(JavaValues.fromJava(binaries))
                .isEqualTo(new AttributeValue.BS(Set.of(Bytes.copyOf(new byte[] {1}), Bytes.copyOf(new byte[] {2}))));
    }

    @Test
    void badSetsAreRejectedClearly() {
        assertValidation(Set.of(), "An empty Set cannot be converted: DynamoDB sets (SS, NS, BS) need at least one element");
        assertValidation(new LinkedHashSet<>(List.of("a", 1)),
                "A Set with mixed element types cannot be converted: SS needs every element to be a String, found java.lang.Integer");
        assertValidation(new LinkedHashSet<>(List.of(1, "a")),
                "A Set with mixed element types cannot be converted: NS needs every element to be a Number, found java.lang.String");
        assertValidation(new LinkedHashSet<>(Arrays.asList(new byte[] {1}, null)),
                "A Set with mixed element types cannot be converted: BS needs every element to be a byte[] or ByteBuffer, found null");
        assertValidation(new LinkedHashSet<>(List.of(new BigDecimal("1"), new BigDecimal("1.0"))),
                "One or more parameter values were invalid: Input collection of type NS contains duplicates");
        assertValidation(new LinkedHashSet<>(List.of(new byte[] {1}, new byte[] {1})),
                "One or more parameter values were invalid: Input collection of type BS contains duplicates");
        assertValidation(Set.of(true), "Cannot convert a Set of java.lang.Boolean to a DynamoDB set;"
                + " sets hold only Strings (SS), Numbers (NS) or byte[]/ByteBuffer (BS)");
    }

    @Test
    void unsupportedClassesAreNamed() {
        assertValidation(LocalDate.of(2024, 1, 1), "Cannot convert a java.time.LocalDate to a DynamoDB value;"
                + " use String, Number, Boolean, byte[], ByteBuffer, Map, List, Set, AttributeValue or null");
        assertThatThrownBy(() -> JavaValues.fromJava(List.of(new Object())))
                .isInstanceOf(DynamoException.class)
                .hasMessageStartingWith("Cannot convert a java.lang.Object");
    }

    @Test
    void everyTypeRoundTrips() {
        for (AttributeValue value : DynamoJsonTest.everyType().values()) {
            assertThat(JavaValues.fromJava(JavaValues.toJava(value))).isEqualTo(value);
        }
        AttributeValue item = new AttributeValue.M(DynamoJsonTest.everyType());
        assertThat(JavaValues.fromJava(JavaValues.toJava(item))).isEqualTo(item);
        List<Object> mutable = new ArrayList<>((List<?>) JavaValues.toJava(new AttributeValue.L(List.of(AttributeValue.N.of(1)))));
        mutable.add("more");
        assertThat(mutable).hasSize(2);
    }

    private static void assertValidation(Object object, String message) {
        assertThatThrownBy(() -> JavaValues.fromJava(object))
                .isInstanceOf(DynamoException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((DynamoException) e).code()).isEqualTo(ErrorCode.VALIDATION));
    }
}
