package dev.jdbcdynamo.planner.catalog;

import dev.jdbcdynamo.planner.error.ErrorCode;
import java.util.Locale;

/** The scalar types a key attribute (or a declared attribute) may have: S, N or B. */
public enum KeyType {
    S("STRING"), N("NUMBER"), B("BINARY");

    private final String ddlName;

    KeyType(String ddlName) {
        this.ddlName = ddlName;
    }

    /** The long name used in DDL ({@code STRING}, {@code NUMBER}, {@code BINARY}). */
    public String ddlName() {
        return ddlName;
    }

    /** Parses S/N/B or STRING/NUMBER/BINARY, any case. */
    public static KeyType of(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (KeyType type : values()) {
            if (type.name().equals(upper) || type.ddlName.equals(upper)) {
                return type;
            }
        }
        throw ErrorCode.VALIDATION.error("Unknown attribute type: " + text + " (expected STRING, NUMBER or BINARY)");
    }
}
