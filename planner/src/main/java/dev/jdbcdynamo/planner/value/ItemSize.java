package dev.jdbcdynamo.planner.value;

import dev.jdbcdynamo.planner.error.ErrorCode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * DynamoDB's item size accounting, which decides whether an item fits the 400 KB limit: each
 * attribute costs the UTF-8 length of its name plus the size of its value.
 *
 * <p>Value sizes: S = UTF-8 length; N = (significant digits + 1) / 2 + 1 (one byte per two
 * digits, plus one); B = length; BOOL and NULL = 1; M and L = 3 + 1 per element + the elements'
 * sizes (a map element includes the UTF-8 length of its name); SS, NS, BS = the sum of their
 * elements' sizes.
 */
public final class ItemSize {
    /** DynamoDB's maximum item size: 400 KB. */
    public static final int MAX_ITEM_BYTES = 409_600;
    /** DynamoDB's limit on documents (maps and lists) nested in an attribute's value. */
    public static final int MAX_NESTING = 32;

    private ItemSize() {
    }

    /** The size of an item in DynamoDB's accounting. */
    public static long of(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += Utf8.length(attribute.getKey()) + of(attribute.getValue());
        }
        return size;
    }

    /** The size of one value, without an attribute name. */
    public static long of(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return Utf8.length(s.value());
        }
        if (value instanceof AttributeValue.N n) {
            return numberSize(n.value());
        }
        if (value instanceof AttributeValue.B b) {
            return b.value().length();
        }
        if (value instanceof AttributeValue.Bool || value instanceof AttributeValue.Null) {
            return 1;
        }
        if (value instanceof AttributeValue.M m) {
            return 3 + m.value().size() + of(m.value());
        }
        if (value instanceof AttributeValue.L l) {
            long size = 3 + l.value().size();
            for (AttributeValue element : l.value()) {
                size += of(element);
            }
            return size;
        }
        if (value instanceof AttributeValue.SS ss) {
            long size = 0;
            for (String element : ss.value()) {
                size += Utf8.length(element);
            }
            return size;
        }
        if (value instanceof AttributeValue.NS ns) {
            long size = 0;
            for (BigDecimal element : ns.value()) {
                size += numberSize(element);
            }
            return size;
        }
        if (value instanceof AttributeValue.BS bs) {
            long size = 0;
            for (Bytes element : bs.value()) {
                size += element.length();
            }
            return size;
        }
        throw new AssertionError("unknown attribute value " + value);
    }

    /**
     * Refuses an item above {@link #MAX_ITEM_BYTES}, or with a value nested deeper than
     * {@link #MAX_NESTING} (which only a parameter can bring: the parser refuses such a literal).
     *
     * @throws dev.jdbcdynamo.planner.error.DynamoException {@link ErrorCode#ITEM_TOO_LARGE}, or a ValidationException
     */
    public static void check(Map<String, AttributeValue> item) {
        for (AttributeValue value : item.values()) {
            if (nesting(value) > MAX_NESTING) {
                throw ErrorCode.VALIDATION.error("Nesting Levels have exceeded supported limits: "
                        + "Attributes in the item have nested levels beyond supported limit");
            }
        }
        if (of(item) > MAX_ITEM_BYTES) {
            throw ErrorCode.ITEM_TOO_LARGE.error();
        }
    }

    /** How many maps and lists are nested in a value, the value itself included: 0 for a scalar or a set. */
    static int nesting(AttributeValue value) {
        int deepest = 0;
        if (value instanceof AttributeValue.M m) {
            for (AttributeValue element : m.value().values()) {
                deepest = Math.max(deepest, nesting(element));
            }
            return deepest + 1;
        }
        if (value instanceof AttributeValue.L l) {
            for (AttributeValue element : l.value()) {
                deepest = Math.max(deepest, nesting(element));
            }
            return deepest + 1;
        }
        return 0;
    }

    private static int numberSize(BigDecimal normalized) {
        return (DynamoNumber.significantDigits(normalized) + 1) / 2 + 1;
    }
}
