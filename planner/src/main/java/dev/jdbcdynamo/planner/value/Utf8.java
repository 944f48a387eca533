package dev.jdbcdynamo.planner.value;

import dev.jdbcdynamo.planner.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * Strings as DynamoDB sees them: UTF-8 bytes, ordered byte by byte, which is code point order
 * and differs from {@link String#compareTo} (UTF-16 order) for characters above U+FFFF.
 */
public final class Utf8 {
    /** Orders strings by their UTF-8 bytes (unsigned), as DynamoDB orders S values. */
    public static final Comparator<String> ORDER = Utf8::compare;

    private Utf8() {
    }

    /**
     * Compares two strings by their UTF-8 encodings without encoding them. UTF-16 order and code
     * point order differ only where a surrogate (U+D800..U+DFFF, the halves of a character above
     * U+FFFF) meets a unit in U+E000..U+FFFF; shifting those two ranges past each other fixes it.
     */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return codePointRank(x) - codePointRank(y);
            }
        }
        return a.length() - b.length();
    }

    private static int codePointRank(char c) {
        if (c < Character.MIN_SURROGATE) {
            return c;
        }
        return Character.isSurrogate(c) ? c + 0x2000 : c - 0x800;
    }

    /** The number of bytes of the UTF-8 encoding; an unpaired surrogate counts as 3 bytes. */
    public static int length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // 4 bytes for the two chars of the pair
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }

    /**
     * Encodes to UTF-8, refusing strings with an unpaired surrogate: Java would silently encode
     * it as {@code ?}, and two different keys would become one.
     */
    public static byte[] encode(String s) {
        requireWellFormed(s);
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes UTF-8 bytes. */
    public static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void requireWellFormed(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw ErrorCode.VALIDATION.error(String.format(
                            "A string contains an unpaired UTF-16 surrogate U+%04X at index %d and cannot be encoded as UTF-8",
                            (int) c, i));
                }
            }
        }
    }
}
