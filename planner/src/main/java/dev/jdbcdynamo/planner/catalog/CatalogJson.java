package dev.jdbcdynamo.planner.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;

/** Reads and writes table definitions as the JSON stored in {@code dynamo_catalog.definition}. */
public final class CatalogJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private CatalogJson() {
    }

    public static String write(TableDef table) {
        try {
            return MAPPER.writeValueAsString(table);
        } catch (JsonProcessingException e) {
            throw new DynamoException(ErrorCode.INTERNAL, "Cannot serialize table definition: " + e.getMessage(), e);
        }
    }

    public static TableDef read(String json) {
        try {
            return MAPPER.readValue(json, TableDef.class);
        } catch (JsonProcessingException e) {
            throw new DynamoException(ErrorCode.INTERNAL, "Corrupt table definition in dynamo_catalog: " + e.getMessage(), e);
        }
    }
}
