package dev.jdbcdynamo.planner.path;

import dev.jdbcdynamo.planner.ast.Expr;

/**
 * A sort-key condition as a range: optional lower and upper bounds, or a prefix
 * ({@code begins_with}). Bounds are expressions resolved at execution time.
 */
public record SortRange(Expr lower, boolean lowerInclusive, Expr upper, boolean upperInclusive, Expr prefix) {
    public static final SortRange ALL = new SortRange(null, false, null, false, null);

    public boolean isAll() {
        return lower == null && upper == null && prefix == null;
    }

    public boolean isEquality() {
        return lower != null && lower == upper && lowerInclusive && upperInclusive;
    }

    SortRange withLower(Expr value, boolean inclusive) {
        return new SortRange(value, inclusive, upper, upperInclusive, prefix);
    }

    SortRange withUpper(Expr value, boolean inclusive) {
        return new SortRange(lower, lowerInclusive, value, inclusive, prefix);
    }

    SortRange withPrefix(Expr value) {
        return new SortRange(lower, lowerInclusive, upper, upperInclusive, value);
    }
}
