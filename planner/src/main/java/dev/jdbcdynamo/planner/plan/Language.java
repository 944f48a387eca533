package dev.jdbcdynamo.planner.plan;

import java.util.Locale;

/**
 * The language of a connection: {@code partiql} is exactly DynamoDB's, with its errors for what
 * DynamoDB rejects; {@code sql} adds aliases, aggregates, LIMIT and joins for BI tools.
 */
public enum Language {
    PARTIQL, SQL;

    public static Language of(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
