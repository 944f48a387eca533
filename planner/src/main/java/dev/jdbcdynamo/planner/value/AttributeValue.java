package dev.jdbcdynamo.planner.value;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A DynamoDB attribute value: one of the ten types S, N, B, BOOL, NULL, M, L, SS, NS, BS.
 * Values are immutable; numbers are held normalized (see {@link DynamoNumber}) so that equal
 * numbers are equal records.
 */
public sealed interface AttributeValue {

    /** DynamoDB's type tag: "S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS" or "BS". */
    String type();

    /** A string. */
    record S(String value) implements AttributeValue {
        public S {
            requireNonNull(value, "value is null");
        }

        @Override
        public String type() {
            return "S";
        }
    }

    /** A number, normalized: no trailing zeros, at most 38 significant digits. */
    record N(BigDecimal value) implements AttributeValue {
        public N {
            value = DynamoNumber.normalize(requireNonNull(value, "value is null"));
        }

        public static N of(String text) {
            return new N(DynamoNumber.parse(text));
        }

        public static N of(long value) {
            return new N(BigDecimal.valueOf(value));
        }

        @Override
        public String type() {
            return "N";
        }
    }

    /** A binary value. */
    record B(Bytes value) implements AttributeValue {
        public B {
            requireNonNull(value, "value is null");
        }

        public static B of(byte[] bytes) {
            return new B(Bytes.copyOf(bytes));
        }

        @Override
        public String type() {
            return "B";
        }
    }

    /** A boolean. */
    record Bool(boolean value) implements AttributeValue {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);

        public static Bool of(boolean value) {
            return value ? TRUE : FALSE;
        }

        @Override
        public String type() {
            return "BOOL";
        }
    }

    /** DynamoDB's NULL (which is a value, unlike a missing attribute). */
    record Null() implements AttributeValue {
        public static final Null INSTANCE = new Null();

        @Override
        public String type() {
            return "NULL";
        }
    }

    /** A map from attribute names to values; iteration keeps insertion order. */
    record M(Map<String, AttributeValue> value) implements AttributeValue {
        public M {
            value = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(value, "value is null")));
        }

        @Override
        public String type() {
            return "M";
        }
    }

    /** A list of values. */
    record L(List<AttributeValue> value) implements AttributeValue {
        public L {
            value = List.copyOf(requireNonNull(value, "value is null"));
        }

        @Override
        public String type() {
            return "L";
        }
    }

    /** A string set (non-empty when stored). */
    record SS(Set<String> value) implements AttributeValue {
        public SS {
            value = Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(value, "value is null")));
        }

        @Override
        public String type() {
            return "SS";
        }
    }

    /** A number set (non-empty when stored), elements normalized. */
    record NS(Set<BigDecimal> value) implements AttributeValue {
        public NS {
            LinkedHashSet<BigDecimal> normalized = new LinkedHashSet<>();
            for (BigDecimal n : requireNonNull(value, "value is null")) {
                normalized.add(DynamoNumber.normalize(n));
            }
            value = Collections.unmodifiableSet(normalized);
        }

        @Override
        public String type() {
            return "NS";
        }
    }

    /** A binary set (non-empty when stored). */
    record BS(Set<Bytes> value) implements AttributeValue {
        public BS {
            value = Collections.unmodifiableSet(new LinkedHashSet<>(requireNonNull(value, "value is null")));
        }

        @Override
        public String type() {
            return "BS";
        }
    }
}
