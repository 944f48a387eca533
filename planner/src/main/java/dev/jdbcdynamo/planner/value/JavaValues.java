package dev.jdbcdynamo.planner.value;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Conversion between attribute values and the Java objects of JDBC {@code getObject} and
 * {@code setObject}.
 *
 * <p>{@link #toJava}: S = {@link String}; N = {@link BigDecimal} (normalized); B = {@code byte[]}
 * (a fresh copy); BOOL = {@link Boolean}; NULL = {@code null}; M = {@code LinkedHashMap<String,
 * Object>}; L = {@code ArrayList<Object>}; SS = {@code Set<String>}; NS = {@code Set<BigDecimal>};
 * BS = {@code Set<ByteBuffer>} of read-only buffers, because a set of {@code byte[]} would compare
 * its elements by identity, making {@code contains} and {@code equals} useless. Maps, lists and
 * sets are new mutable copies in the value's order, owned by the caller.
 *
 * <p>{@link #fromJava}: the reverse, accepting {@code null}, an {@link AttributeValue} as it is,
 * String, Boolean, every integral {@link Number} exactly, Float and Double through their decimal
 * string (so {@code 0.1f} is 0.1, not 0.100000001490116...), {@code byte[]} and {@link ByteBuffer}
 * (its remaining bytes), Map with String keys, List, and Set (all strings = SS, all numbers = NS,
 * all {@code byte[]}/ByteBuffer = BS). Everything else is a {@link ErrorCode#VALIDATION} error.
 */
public final class JavaValues {
    private JavaValues() {
    }

    /** The Java object for a value; see the class documentation for the mapping. */
    public static Object toJava(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return s.value();
        }
        if (value instanceof AttributeValue.N n) {
            return n.value();
        }
        if (value instanceof AttributeValue.B b) {
            return b.value().toArray();
        }
        if (value instanceof AttributeValue.Bool bool) {
            return bool.value();
        }
        if (value instanceof AttributeValue.Null) {
            return null;
        }
        if (value instanceof AttributeValue.M m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, AttributeValue> entry : m.value().entrySet()) {
                map.put(entry.getKey(), toJava(entry.getValue()));
            }
            return map;
        }
        if (value instanceof AttributeValue.L l) {
            List<Object> list = new ArrayList<>(l.value().size());
            for (AttributeValue element : l.value()) {
                list.add(toJava(element));
            }
            return list;
        }
        if (value instanceof AttributeValue.SS ss) {
            return new LinkedHashSet<>(ss.value());
        }
        if (value instanceof AttributeValue.NS ns) {
            return new LinkedHashSet<>(ns.value());
        }
        if (value instanceof AttributeValue.BS bs) {
            Set<ByteBuffer> set = new LinkedHashSet<>();
            for (Bytes element : bs.value()) {
                set.add(ByteBuffer.wrap(element.toArray()).asReadOnlyBuffer());
            }
            return set;
        }
        throw new AssertionError("unknown attribute value " + value);
    }

    /**
     * The attribute value for a Java object; see the class documentation for what is accepted.
     *
     * @throws DynamoException {@link ErrorCode#VALIDATION} for an unsupported class, NaN or an
     *     infinity, a map key that is not a String, or an empty or mixed set;
     *     {@link ErrorCode#NUMBER_INVALID} for a number DynamoDB cannot hold
     */
    public static AttributeValue fromJava(Object object) {
        if (object == null) {
            return AttributeValue.Null.INSTANCE;
        }
        if (object instanceof AttributeValue value) {
            return value;
        }
        if (object instanceof String s) {
            return new AttributeValue.S(s);
        }
        if (object instanceof Boolean b) {
            return AttributeValue.Bool.of(b);
        }
        if (object instanceof Number number) {
            return new AttributeValue.N(decimal(number));
        }
        if (object instanceof byte[] bytes) {
            return AttributeValue.B.of(bytes);
        }
        if (object instanceof ByteBuffer buffer) {
            return new AttributeValue.B(bytes(buffer));
        }
        if (object instanceof Map<?, ?> map) {
            return map(map);
        }
        if (object instanceof List<?> list) {
            List<AttributeValue> values = new ArrayList<>(list.size());
            for (Object element : list) {
                values.add(fromJava(element));
            }
            return new AttributeValue.L(values);
        }
        if (object instanceof Set<?> set) {
            return set(set);
        }
        throw ErrorCode.VALIDATION.error("Cannot convert a " + object.getClass().getName()
                + " to a DynamoDB value; use String, Number, Boolean, byte[], ByteBuffer, Map, List, Set,"
                + " AttributeValue or null");
    }

    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (number instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw ErrorCode.VALIDATION.error("DynamoDB numbers cannot be NaN or infinite: " + number);
            }
            // Float.toString gives the shortest decimal that is that float, not the double's expansion.
            return new BigDecimal(number.toString());
        }
        // AtomicLong, LongAdder, other libraries' numbers: their decimal text, when they have one.
        String text = number.toString();
        try {
            return DynamoNumber.parse(text);
        } catch (DynamoException e) {
            if (e.code() == ErrorCode.NUMBER_INVALID && DynamoNumber.isNumberSyntax(text)) {
                throw e;
            }
            throw ErrorCode.VALIDATION.error("Cannot convert the " + number.getClass().getName()
                    + " " + text + " to a DynamoDB number");
        }
    }

    private static Bytes bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return Bytes.wrap(bytes);
    }

    private static AttributeValue map(Map<?, ?> map) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String name)) {
                throw ErrorCode.VALIDATION.error("Map keys must be Strings to become a DynamoDB M value, found "
                        + (entry.getKey() == null ? "null" : "a " + entry.getKey().getClass().getName()));
            }
            values.put(name, fromJava(entry.getValue()));
        }
        return new AttributeValue.M(values);
    }

    private static AttributeValue set(Set<?> set) {
        if (set.isEmpty()) {
            throw ErrorCode.VALIDATION.error("An empty Set cannot be converted: DynamoDB sets (SS, NS, BS) need at least one element");
        }
        Object first = set.iterator().next();
        if (first instanceof String) {
            Set<String> strings = new LinkedHashSet<>();
            for (Object element : set) {
                strings.add((String) setElement(element, String.class, "SS"));
            }
            return new AttributeValue.SS(strings);
        }
        if (first instanceof Number) {
            Set<BigDecimal> numbers = new LinkedHashSet<>();
            for (Object element : set) {
                BigDecimal n = DynamoNumber.normalize(decimal((Number) setElement(element, Number.class, "NS")));
                if (!numbers.add(n)) {
                    throw ErrorCode.VALIDATION.error(SetRules.duplicatesMessage("NS"));
                }
            }
            return new AttributeValue.NS(numbers);
        }
        if (first instanceof byte[] || first instanceof ByteBuffer) {
            Set<Bytes> binaries = new LinkedHashSet<>();
            for (Object element : set) {
                Bytes b;
                if (element instanceof byte[] array) {
                    b = Bytes.copyOf(array);
                } else if (element instanceof ByteBuffer buffer) {
                    b = bytes(buffer);
                } else {
                    throw mixed("BS", "byte[] or ByteBuffer", element);
                }
                if (!binaries.add(b)) {
                    throw ErrorCode.VALIDATION.error(SetRules.duplicatesMessage("BS"));
                }
            }
            return new AttributeValue.BS(binaries);
        }
        throw ErrorCode.VALIDATION.error("Cannot convert a Set of " + describe(first)
                + " to a DynamoDB set; sets hold only Strings (SS), Numbers (NS) or byte[]/ByteBuffer (BS)");
    }

    private static Object setElement(Object element, Class<?> expected, String type) {
        if (!expected.isInstance(element)) {
            throw mixed(type, expected.getSimpleName(), element);
        }
        return element;
    }

    private static DynamoException mixed(String type, String expected, Object element) {
        return ErrorCode.VALIDATION.error("A Set with mixed element types cannot be converted: " + type
                + " needs every element to be a " + expected + ", found " + describe(element));
    }

    private static String describe(Object element) {
        return element == null ? "null" : element.getClass().getName();
    }
}
