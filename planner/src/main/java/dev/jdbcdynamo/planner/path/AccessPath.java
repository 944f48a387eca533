package dev.jdbcdynamo.planner.path;

import static java.util.Objects.requireNonNull;

import dev.jdbcdynamo.planner.ast.Expr;
import dev.jdbcdynamo.planner.catalog.IndexDef;
import java.util.List;

/**
 * How a statement reaches its items, the DynamoDB way: by full key, by partition (with a sort key
 * range), by several partitions, or by scanning every shard. Key values are expressions (a literal
 * or a parameter) resolved at execution, so one plan serves every set of parameter values.
 */
public sealed interface AccessPath {

    /** Which DynamoDB operation this path is, for EXPLAIN and tests. */
    String kind();

    /** The full primary key: one item on one shard. {@code sortValue} is null for hash-only tables. */
    record GetItem(Expr partitionValue, Expr sortValue) implements AccessPath {
        public GetItem {
            requireNonNull(partitionValue, "partitionValue is null");
        }

        @Override
        public String kind() {
            return "GetItem";
        }
    }

    /** One partition, a sort-key range of it, in sort-key order (or reversed). */
    record Query(Expr partitionValue, SortRange range, boolean descending) implements AccessPath {
        public Query {
            requireNonNull(partitionValue, "partitionValue is null");
            requireNonNull(range, "range is null");
        }

        @Override
        public String kind() {
            return "Query";
        }
    }

    /** Several partitions ({@code pk IN (...)} or ORs of equalities), each a Query, in list order. */
    record MultiQuery(List<Expr> partitionValues, SortRange range, boolean descending) implements AccessPath {
        public MultiQuery {
            partitionValues = List.copyOf(partitionValues);
            requireNonNull(range, "range is null");
        }

        @Override
        public String kind() {
            return "MultiGet";
        }
    }

    /**
     * A read of a secondary index: {@code path} is a Query, MultiQuery or Scan over the index's
     * own key schema (its partition key, its sort key). A local index is read on the base item's
     * shard, strongly consistent; a global index from its own table, on the shard of its partition key.
     */
    record IndexQuery(IndexDef index, AccessPath path) implements AccessPath {
        public IndexQuery {
            requireNonNull(index, "index is null");
            requireNonNull(path, "path is null");
            if (path instanceof GetItem || path instanceof IndexQuery) {
                throw new IllegalArgumentException("an index is read by Query, MultiQuery or Scan, not " + path.kind());
            }
        }

        @Override
        public String kind() {
            return path instanceof Scan ? "IndexScan" : "IndexQuery";
        }
    }

    /** Every item of every shard. */
    record Scan() implements AccessPath {
        @Override
        public String kind() {
            return "Scan";
        }
    }
}
