package dev.jdbcdynamo.planner.sql;

import dev.jdbcdynamo.planner.catalog.TableDef;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** The catalog's tables as a Calcite schema, named as in DynamoDB (case-sensitive). */
public final class CatalogSchema extends AbstractSchema {
    private final Map<String, Table> tables;

    public CatalogSchema(Collection<TableDef> tables, ItemSource source) {
        Map<String, Table> map = new LinkedHashMap<>();
        for (TableDef t : tables) {
            map.put(t.name(), new ItemTable(t, source));
        }
        this.tables = Map.copyOf(map);
    }

    @Override
    protected Map<String, Table> getTableMap() {
        return tables;
    }
}
