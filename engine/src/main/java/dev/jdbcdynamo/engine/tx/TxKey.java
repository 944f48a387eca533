package dev.jdbcdynamo.engine.tx;

import dev.jdbcdynamo.engine.exec.StatementKeys;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.plan.ItemKeys;
import java.util.Arrays;
import java.util.Comparator;

/**
 * One item of a transaction: its table, encoded key, keyspace id and shard. Ordered globally by
 * (shard, table, pk, sk): every transaction locks its items in this order, so two transactions
 * never wait for each other in a cycle.
 */
record TxKey(TableDef table, ItemKeys.KeyBytes key, long kid, int shard) implements Comparable<TxKey> {
    private static final Comparator<TxKey> ORDER = Comparator.comparingInt(TxKey::shard)
            .thenComparingLong(k -> k.table().id())
            .thenComparing(k -> k.key().pk(), Arrays::compareUnsigned)
            .thenComparing(k -> k.key().sk(), Arrays::compareUnsigned);

    @Override
    public int compareTo(TxKey other) {
        return ORDER.compare(this, other);
    }

    /** The item, as transactions and batches tell items apart. */
    StatementKeys.Named named() {
        return new StatementKeys.Named(table, key);
    }

    /** Same table and key (the shard and kid follow from them). */
    boolean sameItem(TxKey other) {
        return table.id() == other.table.id() && Arrays.equals(key.pk(), other.key.pk())
                && Arrays.equals(key.sk(), other.key.sk());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxKey k && sameItem(k);
    }

    @Override
    public int hashCode() {
        return (int) table.id() * 31 * 31 + Arrays.hashCode(key.pk()) * 31 + Arrays.hashCode(key.sk());
    }
}
