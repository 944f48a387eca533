package dev.jdbcdynamo.planner.catalog;

import static java.util.Objects.requireNonNull;

/** A named, typed attribute of a key schema (or a declared attribute of a table). */
public record KeyAttribute(String name, KeyType type) {
    public KeyAttribute {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }

    @Override
    public String toString() {
        return name + ":" + type;
    }
}
