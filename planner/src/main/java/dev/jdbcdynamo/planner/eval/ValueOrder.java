package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.Utf8;
import java.util.Comparator;

/**
 * DynamoDB's comparisons: strings by UTF-8 bytes, binaries unsigned, numbers as decimals; values of
 * different types are never ordered (and never equal), documents only compare for equality.
 */
public final class ValueOrder {
    /**
     * The order of key values (S, N or B of one type), as DynamoDB sorts a partition and ORDER BY;
     * comparing other values is an error.
     */
    public static final Comparator<AttributeValue> KEY_ORDER = (a, b) -> {
        Integer c = compare(a, b);
        if (c == null) {
            throw ErrorCode.INTERNAL.error("Key values of types " + a.type() + " and " + b.type() + " have no order");
        }
        return c;
    };

    private ValueOrder() {
    }

    /** The order of two scalar values of one type, or null when DynamoDB cannot order them. */
    public static Integer compare(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
            return Utf8.compare(x.value(), y.value());
        }
        if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
            return x.value().compareTo(y.value());
        }
        return null;
    }

    /**
     * Deep equality: same type and same value (sets regardless of order, maps regardless of key
     * order, lists in order, numbers by value since they are held normalized).
     */
    public static boolean equal(AttributeValue a, AttributeValue b) {
        return a != null && a.equals(b);
    }
}
