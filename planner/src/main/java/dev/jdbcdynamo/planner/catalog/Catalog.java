package dev.jdbcdynamo.planner.catalog;

import java.util.Collection;
import java.util.Optional;

/** The tables the planner can see; the driver supplies one backed by the shards. */
public interface Catalog {
    Optional<TableDef> table(String name);

    Collection<TableDef> tables();
}
