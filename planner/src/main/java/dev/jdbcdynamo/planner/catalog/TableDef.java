package dev.jdbcdynamo.planner.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One DynamoDB table as the catalog knows it: its stable id (which names the physical table),
 * its case-sensitive name, key schema, declared attributes and indexes.
 */
public record TableDef(long id, String name, KeyAttribute partitionKey, KeyAttribute sortKey,
                       List<KeyAttribute> attributes, List<IndexDef> indexes, long version) {
    public TableDef {
        requireNonNull(name, "name is null");
        requireNonNull(partitionKey, "partitionKey is null");
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
    }

    /** The physical table on every shard: named from the id, never from the DynamoDB name. */
    public String physicalName() {
        return "dt_" + id;
    }

    /** The physical table of a global index on every shard. */
    public String globalIndexTable(IndexDef index) {
        return physicalName() + "_g" + index.number();
    }

    /** The global indexes, in any state. */
    public List<IndexDef> globalIndexes() {
        return indexes.stream().filter(IndexDef::global).toList();
    }

    /** The local indexes. */
    public List<IndexDef> localIndexes() {
        return indexes.stream().filter(i -> !i.global()).toList();
    }

    public boolean hasSortKey() {
        return sortKey != null;
    }

    /** The key attributes: partition key, then sort key if any. */
    public List<KeyAttribute> keyAttributes() {
        return sortKey == null ? List.of(partitionKey) : List.of(partitionKey, sortKey);
    }

    public boolean isKeyAttribute(String attribute) {
        return partitionKey.name().equals(attribute) || (sortKey != null && sortKey.name().equals(attribute));
    }

    public Optional<IndexDef> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    /** Every attribute with a known type: keys first, then index keys and declared attributes. */
    public List<KeyAttribute> typedAttributes() {
        List<KeyAttribute> all = new ArrayList<>(keyAttributes());
        for (IndexDef index : indexes) {
            addIfAbsent(all, index.partitionKey());
            if (index.sortKey() != null) {
                addIfAbsent(all, index.sortKey());
            }
        }
        attributes.forEach(a -> addIfAbsent(all, a));
        return all;
    }

    private static void addIfAbsent(List<KeyAttribute> all, KeyAttribute attribute) {
        if (all.stream().noneMatch(a -> a.name().equals(attribute.name()))) {
            all.add(attribute);
        }
    }
}
