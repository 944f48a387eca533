package dev.jdbcdynamo.driver.storage;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.catalog.TableDef;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One generation of the catalog with the ShardingSphere DataSource that knows its tables. A
 * catalog change makes a new generation; connections move to it before their next statement.
 */
public record Routing(long generation, Map<String, TableDef> tables, DataSource dataSource) {
    public Routing {
        tables = Map.copyOf(tables);
        requireNonNull(dataSource, "dataSource is null");
    }
}
