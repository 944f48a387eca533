package dev.jdbcdynamo.planner.plan;

import dev.jdbcdynamo.planner.path.AccessPath;
import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.ast.Pos;
import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.calcite.AccessPathPlanner;
import dev.jdbcdynamo.planner.catalog.Catalog;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.KeyType;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.plan.ReadChecks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves a parsed statement against the catalog and turns it into a {@link Plan}: names checked,
 * DynamoDB's rules for keys applied, the WHERE clause split into key condition and filter.
 */
public final class Binder {
    private final Catalog catalog;
    private final Language language;

    public Binder(Catalog catalog, Language language) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.language = requireNonNull(language, "language is null");
    }

    public Plan bind(Statement statement) {
        ReadChecks.checkStatic(where(statement));
        if (statement instanceof Statement.Select select) {
            return bindSelect(select);
        } else if (statement instanceof Statement.Insert insert) {
            if (insert.table().index() != null) {
                throw ErrorCode.VALIDATION.error(
                        "FROM clause may only contain a single table name in data manipulation statements");
            }
            return new Plan.Insert(table(insert.table()), insert.value());
        } else if (statement instanceof Statement.Update update) {
            return bindUpdate(update);
        } else if (statement instanceof Statement.Delete delete) {
            rejectIndex(delete.table());
            TableDef table = table(delete.table());
            KeyedWrite key = fullKey(table, delete.where());
            return new Plan.Delete(table, key.key(), key.condition(), delete.returning());
        } else if (statement instanceof Statement.CreateTable create) {
            return new Plan.CreateTable(TableDefinitions.of(create), create.ifNotExists());
        } else if (statement instanceof Statement.DropTable drop) {
            return new Plan.DropTable(drop.name(), drop.ifExists());
        } else if (statement instanceof Statement.Explain explain) {
            return new Plan.Explain(bind(explain.statement()));
        } else if (statement instanceof Statement.ConditionCheck check) {
            return bindConditionCheck(check);
        } else if (statement instanceof Statement.CreateIndex create) {
            TableDef table = table(new Statement.TableRef(create.table(), null, null, create.pos()));
            return new Plan.CreateIndex(table, IndexDefinitions.added(table, create.index()));
        } else if (statement instanceof Statement.DropIndex drop) {
            return new Plan.DropIndex(drop.table(), drop.index());
        }
        throw new AssertionError("unknown statement " + statement);
    }

    /** The WHERE clause of a statement that has one, else null. */
    private static Expr where(Statement statement) {
        if (statement instanceof Statement.Select select) {
            return select.where();
        } else if (statement instanceof Statement.Update update) {
            return update.where();
        } else if (statement instanceof Statement.Delete delete) {
            return delete.where();
        } else if (statement instanceof Statement.ConditionCheck check) {
            return check.query().where();
        }
        return null;
    }

    private Plan bindSelect(Statement.Select select) {
        if (language == Language.PARTIQL) {
            rejectSqlExtensions(select);
        }
        if (!(select.from() instanceof Statement.FromTable from)) {
            throw unsupported("JOIN", select.pos());
        }
        if (select.distinct() || !select.groupBy().isEmpty() || select.having() != null || select.limit() != null
                || select.offset() != null || select.items().stream().anyMatch(i -> i.alias() != null)) {
            throw unsupported("SQL extensions (DISTINCT, GROUP BY, HAVING, LIMIT, OFFSET, aliases)", select.pos());
        }
        TableDef table = table(from.table());
        checkProjection(select);
        if (from.table().index() != null) {
            IndexDef index = table.index(from.table().index()).orElseThrow(() -> ErrorCode.VALIDATION.error(
                    "The table does not have the specified index: " + from.table().index()));
            return IndexReads.bind(select, table, index);
        }
        Boolean descending = orderBy(select, table);
        AccessPathPlanner.Result planned = AccessPathPlanner.plan(table, Conjuncts.of(select.where()), descending);
        if (!planned.orderSatisfied()) {
            throw ErrorCode.VALIDATION.error(planned.path() instanceof AccessPath.Scan
                    ? "Must have WHERE clause in the statement when using ORDER BY clause."
                    : "ORDER BY is only supported on the key attributes of a query");
        }
        return new Plan.Select(table, planned.path(), Conjuncts.and(planned.residual()), select.items(),
                select.where());
    }

    /** Projections are paths (DynamoDB), and a path may not widen the item with {@code .*}. */
    private static void checkProjection(Statement.Select select) {
        for (Statement.SelectItem item : select.items()) {
            if (!(item.expr() instanceof Expr.PathRef ref)) {
                throw ErrorCode.VALIDATION.error("Unexpected path component at " + item.expr().pos());
            }
            if (ref.path().steps().stream().anyMatch(s -> s instanceof dev.jdbcdynamo.planner.ast.Path.Wildcard)) {
                throw ErrorCode.VALIDATION.error("Changing item's hierarchy while reading isn't supported");
            }
        }
    }

    /** DynamoDB's ORDER BY: key attributes only. The sort-key direction, or null without ORDER BY. */
    static Boolean orderBy(Statement.Select select, TableDef table) {
        if (select.orderBy().isEmpty()) {
            return null;
        }
        boolean descending = false;
        for (Statement.OrderItem item : select.orderBy()) {
            if (!(item.expr() instanceof Expr.PathRef ref) || !ref.path().isTopLevel()
                    || !table.isKeyAttribute(ref.path().root())) {
                throw ErrorCode.VALIDATION.error("Variable reference " + describe(item.expr())
                        + " in ORDER BY clause must be part of the primary key");
            }
            descending = item.descending();
        }
        return descending;
    }

    private static String describe(Expr expr) {
        return expr instanceof Expr.PathRef ref ? ref.path().toString() : "expression";
    }

    /** DynamoDB writes items of a table only; naming an index (existing or not) is refused before any lookup. */
    private static void rejectIndex(Statement.TableRef ref) {
        if (ref.index() != null) {
            throw ErrorCode.VALIDATION.error("This operation is not supported on an index");
        }
    }

    private Plan bindUpdate(Statement.Update update) {
        rejectIndex(update.table());
        TableDef table = table(update.table());
        KeyedWrite key = fullKey(table, update.where());
        for (Statement.UpdateAction action : update.actions()) {
            String root = action instanceof Statement.SetAction set ? set.path().root()
                    : ((Statement.RemoveAction) action).path().root();
            if (table.isKeyAttribute(root)) {
                throw ErrorCode.VALIDATION.error("One or more parameter values were invalid: Cannot update attribute "
                        + root + ". This attribute is part of the key");
            }
        }
        return new Plan.Update(table, key.key(), update.actions(), key.condition(), update.returning());
    }

    /** {@code EXISTS(SELECT ...)}: one item by its full key, with a condition beyond the key. */
    private Plan bindConditionCheck(Statement.ConditionCheck check) {
        if (!(check.query().from() instanceof Statement.FromTable from)) {
            throw ErrorCode.VALIDATION.error("EXISTS() must contain a single item read from a table");
        }
        if (from.table().index() != null) {
            throw ErrorCode.VALIDATION.error("Operations on indices are not supported in transactions");
        }
        TableDef table = table(from.table());
        KeyedWrite key = fullKey(table, check.query().where());
        if (key.condition() == null) {
            throw ErrorCode.VALIDATION.error("EXISTS() must contain a single item read with additional condition");
        }
        return new Plan.ConditionCheck(table, key.key(), key.condition());
    }

    /** The key of a write, which must name every key attribute by equality, and its condition. */
    private static KeyedWrite fullKey(TableDef table, Expr where) {
        // Only an equality names a key: "pk IN ['a']" or "pk = 'a' OR pk = 'a'" chooses the same
        // partition for a read, but DynamoDB refuses it in a write. They stay conditions.
        List<Expr> conjuncts = Conjuncts.of(where);
        List<Expr> keyed = conjuncts.stream().filter(c -> !(c instanceof Expr.In || c instanceof Expr.Or)).toList();
        AccessPathPlanner.Result planned = AccessPathPlanner.plan(table, keyed, null);
        if (!(planned.path() instanceof AccessPath.GetItem get)) {
            throw ErrorCode.VALIDATION.error("Where clause does not contain a mandatory equality on all key attributes");
        }
        // The condition keeps the statement's order: every conjunct but those the key absorbed.
        Set<Expr> absorbed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        absorbed.addAll(keyed);
        planned.residual().forEach(absorbed::remove);
        List<Expr> conditions = conjuncts.stream().filter(c -> !absorbed.contains(c)).toList();
        return new KeyedWrite(get, Conjuncts.and(conditions));
    }

    /** The item a write names and the condition it must meet (may be null). */
    private record KeyedWrite(AccessPath.GetItem key, Expr condition) {
    }

    private TableDef table(Statement.TableRef ref) {
        return catalog.table(ref.table()).orElseThrow(() -> ErrorCode.TABLE_NOT_FOUND.error(ref.table()));
    }

    private static void rejectSqlExtensions(Statement.Select select) {
        if (select.distinct()) {
            throw ErrorCode.VALIDATION.error("Unsupported token in expression: DISTINCT");
        }
        if (!select.groupBy().isEmpty()) {
            throw ErrorCode.VALIDATION.error("Unsupported clause: GROUP BY");
        }
        if (select.having() != null) {
            throw ErrorCode.VALIDATION.error("Unsupported clause: HAVING");
        }
        if (select.limit() != null) {
            throw ErrorCode.VALIDATION.error("Unsupported clause: LIMIT");
        }
        if (select.offset() != null) {
            throw ErrorCode.VALIDATION.error("Unsupported clause: OFFSET");
        }
        if (select.items().stream().anyMatch(i -> i.alias() != null)
                || (select.from() instanceof Statement.FromTable t && t.table().alias() != null)) {
            throw ErrorCode.VALIDATION.error("Aliasing is not supported");
        }
        if (select.from() instanceof Statement.Join) {
            throw ErrorCode.VALIDATION.error("Unsupported operation: JOIN");
        }
    }

    private static DynamoException unsupported(String what, Pos pos) {
        return ErrorCode.UNSUPPORTED_LANGUAGE_FEATURE.error(what + (pos == null || pos.line() == 0 ? "" : " at " + pos));
    }

    /** Builds table definitions from CREATE TABLE. */
    static final class TableDefinitions {
        private TableDefinitions() {
        }

        static TableDef of(Statement.CreateTable create) {
            KeyAttribute partition = null;
            KeyAttribute sort = null;
            List<KeyAttribute> attributes = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Statement.ColumnDef column : create.columns()) {
                if (!names.add(column.name())) {
                    throw ErrorCode.VALIDATION.error("Attribute " + column.name() + " is declared twice");
                }
                KeyAttribute attribute = new KeyAttribute(column.name(), KeyType.valueOf(column.type().name()));
                switch (column.role()) {
                    case PARTITION -> {
                        if (partition != null) {
                            throw ErrorCode.VALIDATION.error("A table has one PARTITION KEY; found a second: " + column.name());
                        }
                        partition = attribute;
                    }
                    case SORT -> {
                        if (sort != null) {
                            throw ErrorCode.VALIDATION.error("A table has at most one SORT KEY; found a second: " + column.name());
                        }
                        sort = attribute;
                    }
                    case NONE -> attributes.add(attribute);
                }
            }
            if (partition == null) {
                throw ErrorCode.VALIDATION.error("Table " + create.name() + " needs a PARTITION KEY attribute");
            }
            if (create.name().isEmpty() || create.name().length() > 255) {
                throw ErrorCode.VALIDATION.error("TableName must be between 1 and 255 characters long");
            }
            List<KeyAttribute> declared = new ArrayList<>(attributes);
            declared.add(partition);
            if (sort != null) {
                declared.add(sort);
            }
            List<IndexDef> indexes = IndexDefinitions.of(create.indexes(), partition, sort, declared);
            return new TableDef(0, create.name(), partition, sort, attributes, indexes, 1);
        }
    }
}
