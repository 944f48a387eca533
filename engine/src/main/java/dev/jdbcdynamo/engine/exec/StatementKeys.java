package dev.jdbcdynamo.engine.exec;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.path.AccessPath;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Key resolution, the one place for it: a statement's key values (a literal or a parameter) for
 * one execution, the item key a keyed statement names, and the item identity by which a
 * transaction or a batch finds an item named twice. The single-statement executor, transactions
 * and batches all go through here.
 */
public final class StatementKeys {
    private StatementKeys() {
    }

    /** A key value of an access path: the literal, or the value bound to the parameter. */
    public static AttributeValue resolve(Expr expr, List<AttributeValue> params) {
        if (expr instanceof Expr.Literal literal) {
            return literal.value();
        }
        if (expr instanceof Expr.Parameter p) {
            if (p.index() >= params.size() || params.get(p.index()) == null) {
                throw ErrorCode.WRONG_PARAMETER_COUNT.error("No value set for parameter " + (p.index() + 1));
            }
            return params.get(p.index());
        }
        throw new AssertionError("key values are literals or parameters, not " + expr);
    }

    /** The key values a statement's WHERE clause names, resolved for one execution. */
    public record Values(AttributeValue pk, AttributeValue sk) {
        /** The key of the item a write names, with DynamoDB's checks of key values. */
        public ItemKeys.KeyBytes write(TableDef table) {
            return ItemKeys.ofValues(table, pk, sk);
        }

        /**
         * The key a read by full key reads, or null when a value has another type than the key's
         * (such a read matches no item: DynamoDB compares without coercion).
         */
        public ItemKeys.KeyBytes read(TableDef table) {
            return ItemKeys.forRead(table, pk, sk);
        }
    }

    public static Values values(AccessPath.GetItem key, List<AttributeValue> params) {
        return new Values(resolve(key.partitionValue(), params),
                key.sortValue() == null ? null : resolve(key.sortValue(), params));
    }

    /** The key of the item an UPDATE, DELETE or EXISTS names, with DynamoDB's checks of key values. */
    public static ItemKeys.KeyBytes writeKey(TableDef table, AccessPath.GetItem key, List<AttributeValue> params) {
        return values(key, params).write(table);
    }

    /** An item as a transaction or batch counts it: its table and encoded key. */
    public record Named(TableDef table, ItemKeys.KeyBytes key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Named n && table.id() == n.table.id() && Arrays.equals(key.pk(), n.key.pk())
                    && Arrays.equals(key.sk(), n.key.sk());
        }

        @Override
        public int hashCode() {
            return Long.hashCode(table.id()) * 961 + Arrays.hashCode(key.pk()) * 31 + Arrays.hashCode(key.sk());
        }
    }

    /**
     * The item a statement names (an INSERT's item, the key of an UPDATE, DELETE, EXISTS or a
     * SELECT by full key), or null when it names none or DynamoDB refuses its values: such a
     * statement fails on its own and takes no part in the duplicate check. Items compare by their
     * encoded keys, so 1 and 1.0 name the same item, as in DynamoDB.
     */
    public static Named named(Plan plan, List<AttributeValue> params) {
        try {
            if (plan instanceof Plan.Insert insert) {
                return new Named(insert.table(), ItemKeys.ofItem(insert.table(), WriteChecks.insertItem(insert, params)));
            } else if (plan instanceof Plan.Update update) {
                return new Named(update.table(), writeKey(update.table(), update.key(), params));
            } else if (plan instanceof Plan.Delete delete) {
                return new Named(delete.table(), writeKey(delete.table(), delete.key(), params));
            } else if (plan instanceof Plan.ConditionCheck check) {
                return new Named(check.table(), writeKey(check.table(), check.key(), params));
            } else if (plan instanceof Plan.Select select && select.path() instanceof AccessPath.GetItem get) {
                return new Named(select.table(), writeKey(select.table(), get, params));
            }
            return null;
        } catch (DynamoException e) {
            return null;
        }
    }

    /** Items seen so far; {@link #add} answers false for an item named before. */
    public static final class Distinct {
        private final Set<Named> seen = new HashSet<>();

        public boolean add(Named item) {
            return item == null || seen.add(item);
        }

        public void remove(Named item) {
            seen.remove(item);
        }

        public void clear() {
            seen.clear();
        }
    }
}
