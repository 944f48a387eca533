package dev.jdbcdynamo.planner.plan;

import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the LOCAL and GLOBAL INDEX clauses of CREATE TABLE into index definitions, with DynamoDB's
 * limits: at most 5 local and 20 global indexes, unique names, typed key attributes, and a local
 * index only on a table with a sort key.
 */
final class IndexDefinitions {
    static final int MAX_LOCAL = 5;
    static final int MAX_GLOBAL = 20;

    private IndexDefinitions() {
    }

    static List<IndexDef> of(List<Statement.IndexDef> clauses, KeyAttribute partition, KeyAttribute sort,
                             List<KeyAttribute> declared) {
        List<IndexDef> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int locals = 0;
        int globals = 0;
        for (Statement.IndexDef clause : clauses) {
            if (!names.add(clause.name())) {
                throw ErrorCode.VALIDATION.error("Duplicate index name: " + clause.name());
            }
            IndexDef.IndexProjection projection = IndexDef.IndexProjection.valueOf(clause.projection().name());
            if (clause.global()) {
                globals++;
                KeyAttribute pk = typed(clause.keys().get(0), declared, clause.name());
                KeyAttribute sk = clause.keys().size() > 1 ? typed(clause.keys().get(1), declared, clause.name()) : null;
                out.add(new IndexDef(clause.name(), true, out.size() + 1, pk, sk, projection, clause.include()));
            } else {
                locals++;
                if (sort == null) {
                    throw ErrorCode.VALIDATION.error("Table KeySchema does not have a range key, which is required "
                            + "when specifying a LocalSecondaryIndex");
                }
                KeyAttribute sk = typed(clause.keys().get(0), declared, clause.name());
                out.add(new IndexDef(clause.name(), false, out.size() + 1, partition, sk, projection, clause.include()));
            }
        }
        if (locals > MAX_LOCAL) {
            throw ErrorCode.VALIDATION.error("One or more parameter values were invalid: Number of "
                    + "LocalSecondaryIndexes exceeds per-table limit of " + MAX_LOCAL);
        }
        if (globals > MAX_GLOBAL) {
            throw ErrorCode.VALIDATION.error("One or more parameter values were invalid: Number of "
                    + "GlobalSecondaryIndexes exceeds per-table limit of " + MAX_GLOBAL);
        }
        return out;
    }

    /**
     * A global index added to an existing table (CREATE GLOBAL INDEX): CREATING until its backfill
     * ends, numbered after every index the table has, its keys typed by the table's declarations.
     */
    static IndexDef added(TableDef table, Statement.IndexDef clause) {
        if (table.index(clause.name()).isPresent()) {
            throw ErrorCode.VALIDATION.error("One or more parameter values were invalid: Index with name "
                    + clause.name() + " already exists");
        }
        if (table.globalIndexes().size() >= MAX_GLOBAL) {
            throw ErrorCode.VALIDATION.error("One or more parameter values were invalid: Number of "
                    + "GlobalSecondaryIndexes exceeds per-table limit of " + MAX_GLOBAL);
        }
        List<KeyAttribute> declared = table.typedAttributes();
        KeyAttribute pk = typed(clause.keys().get(0), declared, clause.name());
        KeyAttribute sk = clause.keys().size() > 1 ? typed(clause.keys().get(1), declared, clause.name()) : null;
        int number = table.indexes().stream().mapToInt(IndexDef::number).max().orElse(0) + 1;
        return new IndexDef(clause.name(), true, number, pk, sk,
                IndexDef.IndexProjection.valueOf(clause.projection().name()), clause.include(),
                IndexDef.IndexState.CREATING);
    }

    private static KeyAttribute typed(String name, List<KeyAttribute> declared, String index) {
        return declared.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow(() ->
                ErrorCode.VALIDATION.error("Index " + index + " uses attribute " + name
                        + ", which needs a declared type in CREATE TABLE (e.g. " + name + " NUMBER)"));
    }
}
