package dev.jdbcdynamo.driver.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One recorded conformance case with its fixtures resolved: tables, items, steps, dumps and expected lines.
 *
 * @param name the case's path below the cases directory without ".json", such as {@code select_key/sk_ge}
 * @param description what the case shows
 * @param deviation the case's {@code suspectedLocalDeviation} note, or null
 * @param fixtures the names of the fixtures the case uses, in order
 * @param tables the tables of the fixtures, then the case's own
 * @param items DynamoDB-JSON items per table (fixtures first)
 * @param plainItems plain-JSON items per table (fixtures first), already converted
 * @param steps the steps in order; step numbers are 1-based positions in this list
 * @param dump the tables read whole after the steps, in the order of {@code tables}
 * @param expected the lines of the {@code .expected} file (blank lines dropped)
 */
record ConformanceCase(
        String name,
        String description,
        String deviation,
        List<String> fixtures,
        List<Table> tables,
        Map<String, List<Map<String, AttributeValue>>> items,
        Map<String, List<Map<String, AttributeValue>>> plainItems,
        List<Step> steps,
        List<String> dump,
        List<String> expected) {

    /** A key attribute: its name and its type S, N or B. */
    record Key(String name, String type) {
    }

    /**
     * A secondary index.
     *
     * @param hash the index's partition key (the table's for a local index)
     * @param range the index's sort key, or null
     * @param projection {@code ALL}, {@code KEYS_ONLY} or {@code INCLUDE}
     * @param include the projected non-key attributes of an {@code INCLUDE} projection
     */
    record Index(String name, Key hash, Key range, String projection, List<String> include) {
    }

    /** A table: its keys and indexes. */
    record Table(String name, Key hash, Key range, List<Index> localIndexes, List<Index> globalIndexes) {
    }

    /** What a step does. */
    enum Kind {
        STATEMENT, BATCH, TRANSACTION, DUMP
    }

    /**
     * One step of a case (or one statement of a batch or transaction step).
     *
     * @param statement the PartiQL text of a STATEMENT step
     * @param parameters the parameters as given (DynamoDB JSON, possibly malformed on purpose)
     * @param order the step's {@code order} field, or null
     * @param limit ExecuteStatement's Limit, or null
     * @param consistentRead the request's ConsistentRead
     * @param returnValuesOnConditionCheckFailure {@code ALL_OLD}, {@code NONE} or null
     * @param statements the statements of a BATCH or TRANSACTION step
     * @param dumpTable the table of a DUMP step
     */
    record Step(
            Kind kind,
            String statement,
            List<JsonNode> parameters,
            String order,
            Integer limit,
            boolean consistentRead,
            String returnValuesOnConditionCheckFailure,
            List<Step> statements,
            String dumpTable) {

        /** True when this step can change data: INSERT, UPDATE, DELETE, or a group holding one. */
        boolean writes() {
            if (kind == Kind.STATEMENT) {
                String head = statement.stripLeading().toUpperCase(Locale.ROOT);
                return head.startsWith("INSERT") || head.startsWith("UPDATE") || head.startsWith("DELETE");
            }
            return statements.stream().anyMatch(Step::writes);
        }
    }
}
