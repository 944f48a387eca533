package dev.jdbcdynamo.planner.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A parsed statement. PartiQL statements as DynamoDB speaks them, the DDL of this driver, and
 * the SQL extensions (aliases, GROUP BY, LIMIT, joins) that only the {@code sql} language accepts.
 */
public sealed interface Statement {

    Pos pos();

    /** A table, or an index of a table ({@code "T"."I"}), with an optional alias. */
    record TableRef(String table, String index, String alias, Pos pos) {
        public TableRef {
            requireNonNull(table, "table is null");
        }
    }

    /** The FROM clause: a table or a join. */
    sealed interface From {
    }

    /** A single table in FROM. */
    record FromTable(TableRef table) implements From {
    }

    /** {@code left [INNER|LEFT] JOIN right ON condition}. */
    record Join(From left, From right, JoinKind kind, Expr on, Pos pos) implements From {
    }

    enum JoinKind {
        INNER, LEFT, CROSS
    }

    /** One projected expression, with its alias (SQL only) or null. */
    record SelectItem(Expr expr, String alias, Pos pos) {
        public SelectItem {
            requireNonNull(expr, "expr is null");
        }
    }

    record OrderItem(Expr expr, boolean descending, Pos pos) {
    }

    /**
     * SELECT. {@code items} empty means {@code *}. {@code where}, {@code having}, {@code limit},
     * {@code offset} may be null.
     */
    record Select(boolean distinct, List<SelectItem> items, From from, Expr where, List<Expr> groupBy, Expr having,
                  List<OrderItem> orderBy, Expr limit, Expr offset, Pos pos) implements Statement {
        public Select {
            items = List.copyOf(items);
            requireNonNull(from, "from is null");
            groupBy = List.copyOf(groupBy);
            orderBy = List.copyOf(orderBy);
        }

        public boolean isStar() {
            return items.isEmpty();
        }
    }

    /** {@code INSERT INTO t VALUE {...}}; {@code value} is a map constructor or a parameter. */
    record Insert(TableRef table, Expr value, Pos pos) implements Statement {
    }

    /** One action of an UPDATE. */
    sealed interface UpdateAction {
        Pos pos();
    }

    /** {@code SET path = value}. */
    record SetAction(Path path, Expr value, Pos pos) implements UpdateAction {
    }

    /** {@code REMOVE path}. */
    record RemoveAction(Path path, Pos pos) implements UpdateAction {
    }

    /** What a write returns. */
    enum Returning {
        NONE, ALL_OLD, ALL_NEW, MODIFIED_OLD, MODIFIED_NEW
    }

    record Update(TableRef table, List<UpdateAction> actions, Expr where, Returning returning, Pos pos)
            implements Statement {
        public Update {
            actions = List.copyOf(actions);
        }
    }

    record Delete(TableRef table, Expr where, Returning returning, Pos pos) implements Statement {
    }

    /** Key and attribute types of DDL. */
    enum ScalarType {
        S, N, B
    }

    enum KeyRole {
        NONE, PARTITION, SORT
    }

    record ColumnDef(String name, ScalarType type, KeyRole role, Pos pos) {
    }

    enum Projection {
        ALL, KEYS_ONLY, INCLUDE
    }

    /**
     * An index in DDL. For LOCAL, {@code keys} is the sort key alone; for GLOBAL, the partition
     * key and optionally the sort key. {@code include} lists attributes for INCLUDE.
     */
    record IndexDef(String name, boolean global, List<String> keys, Projection projection, List<String> include,
                    Pos pos) {
        public IndexDef {
            keys = List.copyOf(keys);
            include = List.copyOf(include);
        }
    }

    record CreateTable(String name, boolean ifNotExists, List<ColumnDef> columns, List<IndexDef> indexes, Pos pos)
            implements Statement {
        public CreateTable {
            columns = List.copyOf(columns);
            indexes = List.copyOf(indexes);
        }
    }

    record DropTable(String name, boolean ifExists, Pos pos) implements Statement {
    }

    record CreateIndex(String table, IndexDef index, Pos pos) implements Statement {
    }

    record DropIndex(String table, String index, Pos pos) implements Statement {
    }

    /** {@code EXISTS(SELECT ...)} as a statement of a transaction: a condition check on one item. */
    record ConditionCheck(Select query, Pos pos) implements Statement {
        public ConditionCheck {
            requireNonNull(query, "query is null");
        }
    }

    /** {@code EXPLAIN <statement>}. */
    record Explain(Statement statement, Pos pos) implements Statement {
    }
}
