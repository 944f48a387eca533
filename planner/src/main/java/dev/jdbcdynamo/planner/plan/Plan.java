package dev.jdbcdynamo.planner.plan;

import dev.jdbcdynamo.planner.path.AccessPath;
import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.TableDef;
import java.util.List;

/**
 * A bound, planned statement: what the executor runs. Holds no parameter values, so one plan
 * serves every execution of the same statement text.
 */
public sealed interface Plan {

    /** Items of a table: an access path, a residual filter evaluated per item, a projection. */
    record Select(TableDef table, AccessPath path, Expr filter, List<Statement.SelectItem> items, Expr where)
            implements Plan {
        public Select {
            requireNonNull(table, "table is null");
            requireNonNull(path, "path is null");
            items = List.copyOf(items);
        }

        /** A read without its WHERE clause as written (nothing to check before reading). */
        public Select(TableDef table, AccessPath path, Expr filter, List<Statement.SelectItem> items) {
            this(table, path, filter, items, null);
        }

        public boolean isStar() {
            return items.isEmpty();
        }
    }

    /**
     * A SQL extension (language {@code sql}): the SQL text, planned and run by Calcite over the
     * catalog's tables, and the columns of its result.
     */
    record SqlQuery(String sql, List<SqlColumn> columns) implements Plan {
        public SqlQuery {
            requireNonNull(sql, "sql is null");
            columns = List.copyOf(columns);
        }
    }

    /** A column of a SQL extension's result: its label and JDBC type. */
    record SqlColumn(String label, int sqlType, String typeName) {
    }

    /** {@code INSERT INTO t VALUE {...}}: fails with DuplicateItem when the key exists. */
    record Insert(TableDef table, Expr value) implements Plan {
    }

    /** A read-modify-write of one item, under a lock; {@code condition} may be null. */
    record Update(TableDef table, AccessPath.GetItem key, List<Statement.UpdateAction> actions, Expr condition,
                  Statement.Returning returning) implements Plan {
        public Update {
            actions = List.copyOf(actions);
        }
    }

    /** Deletes one item if the condition (may be null) holds. */
    record Delete(TableDef table, AccessPath.GetItem key, Expr condition, Statement.Returning returning)
            implements Plan {
    }

    /**
     * {@code EXISTS(SELECT ...)} in a transaction: the item of {@code key} must exist and meet
     * {@code condition}, or the transaction is cancelled.
     */
    record ConditionCheck(TableDef table, AccessPath.GetItem key, Expr condition) implements Plan {
        public ConditionCheck {
            requireNonNull(condition, "condition is null");
        }
    }

    /** Creates a table; {@code definition} has id 0 until the catalog assigns one. */
    record CreateTable(TableDef definition, boolean ifNotExists) implements Plan {
    }

    record DropTable(String name, boolean ifExists) implements Plan {
    }

    /** Adds a global index to a table; {@code index} is CREATING until its backfill ends. */
    record CreateIndex(TableDef table, IndexDef index) implements Plan {
    }

    /** Removes an index from a table. */
    record DropIndex(String table, String index) implements Plan {
    }

    /** The plan of a statement, returned as rows instead of run. */
    record Explain(Plan plan) implements Plan {
    }
}
