package dev.jdbcdynamo.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The data every contender loads and the keys the operations pick: point items (one per
 * partition), query partitions of {@value #PARTITION_SIZE} items, and a separate table to scan.
 */
final class Dataset {
    /** Items per query partition, and so items per query and per GSI query. */
    static final int PARTITION_SIZE = 100;
    /** Items per batch-load call (DynamoDB's BatchExecuteStatement limit). */
    static final int BATCH_SIZE = 25;
    /** Characters of the payload attribute. */
    static final int PAYLOAD_CHARS = 100;

    /** The table of point items and query partitions. */
    static final String MAIN_TABLE = "bench";
    /** The table that only the scan reads. */
    static final String SCAN_TABLE = "scan";
    /** The global secondary index on {@code g} (DynamoDB Local only). */
    static final String GSI = "by_g";
    /** The sort key of every point item and inserted item. */
    static final String POINT_SK = "0";

    private static final int PAYLOADS = 1000;
    /** Keys and payloads are made once: a String.format per call would be timed with the contender. */
    private static final String[] SORT_KEYS = new String[PARTITION_SIZE];
    private static final String[] PAYLOAD_TEXTS = new String[PAYLOADS];

    static {
        for (int j = 0; j < PARTITION_SIZE; j++) {
            SORT_KEYS[j] = String.format("s%03d", j);
        }
        for (int i = 0; i < PAYLOADS; i++) {
            PAYLOAD_TEXTS[i] = makePayload(i);
        }
    }

    private final int pointItems;
    private final int queryPartitions;
    private final int scanItems;
    private final String[] pointPks;
    private final String[] queryPks;
    private final String[] gsiKeys;

    Dataset(int pointItems, int queryPartitions, int scanItems) {
        if (pointItems < 2 || queryPartitions < 1 || scanItems < 1) {
            throw new IllegalArgumentException("sizes must be positive (and at least 2 point items)");
        }
        this.pointItems = pointItems;
        this.queryPartitions = queryPartitions;
        this.scanItems = scanItems;
        this.pointPks = new String[pointItems];
        for (int i = 0; i < pointItems; i++) {
            pointPks[i] = String.format("u%07d", i);
        }
        this.queryPks = new String[queryPartitions];
        this.gsiKeys = new String[queryPartitions];
        for (int p = 0; p < queryPartitions; p++) {
            queryPks[p] = String.format("q%05d", p);
            gsiKeys[p] = String.format("g%05d", p);
        }
    }

    int pointItems() {
        return pointItems;
    }

    int queryPartitions() {
        return queryPartitions;
    }

    int scanItems() {
        return scanItems;
    }

    /** Items of the main table: the point items, then the query partitions. */
    List<BenchItem> mainItems() {
        List<BenchItem> items = new ArrayList<>(pointItems + queryPartitions * PARTITION_SIZE);
        for (int i = 0; i < pointItems; i++) {
            items.add(pointItem(i));
        }
        for (int p = 0; p < queryPartitions; p++) {
            for (int j = 0; j < PARTITION_SIZE; j++) {
                items.add(new BenchItem(queryPks[p], SORT_KEYS[j], 0, gsiKeys[p], payload(p * PARTITION_SIZE + j)));
            }
        }
        return items;
    }

    /** Items of the scan table. */
    List<BenchItem> scanItemsList() {
        List<BenchItem> items = new ArrayList<>(scanItems);
        for (int i = 0; i < scanItems; i++) {
            items.add(new BenchItem(String.format("s%07d", i), "0", 0, null, payload(i)));
        }
        return items;
    }

    private BenchItem pointItem(int i) {
        return new BenchItem(pointPks[i], POINT_SK, 0, null, payload(i));
    }

    /** A new item for an insert; {@code tag} keeps contenders that share tables apart. */
    static BenchItem newItem(String tag, int session, long seq) {
        return new BenchItem("i" + tag + "t" + session + "n" + seq, POINT_SK, 0, null, payload((int) (seq % PAYLOADS)));
    }

    /** One of the payloads, chosen by {@code seed}. */
    static String payload(int seed) {
        return PAYLOAD_TEXTS[Math.floorMod(seed, PAYLOADS)];
    }

    /** A deterministic payload of letters and digits. */
    private static String makePayload(int seed) {
        StringBuilder sb = new StringBuilder(PAYLOAD_CHARS);
        SplittableRandom random = new SplittableRandom(seed);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int i = 0; i < PAYLOAD_CHARS; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** The random key choices of one session. */
    final class Picker {
        private final SplittableRandom random;

        Picker(long seed) {
            this.random = new SplittableRandom(seed);
        }

        String pointPk() {
            return pointPks[random.nextInt(pointItems)];
        }

        /** The partition key of a random query partition. */
        String queryPk() {
            return queryPks[random.nextInt(queryPartitions)];
        }

        /** The GSI key of a random query partition (its 100 items). */
        String gsiKey() {
            return gsiKeys[random.nextInt(queryPartitions)];
        }

        /** Two different point partitions (both hold {@code POINT_SK}), for a transaction across partitions. */
        String[] twoPartitions() {
            String a = pointPk();
            String b = pointPk();
            while (b.equals(a)) {
                b = pointPk();
            }
            return new String[] {a, b};
        }

        /** Two different sort keys of one partition, for a transaction. */
        String[] twoSortKeys() {
            int a = random.nextInt(PARTITION_SIZE);
            int b = (a + 1 + random.nextInt(PARTITION_SIZE - 1)) % PARTITION_SIZE;
            return new String[] {SORT_KEYS[a], SORT_KEYS[b]};
        }
    }
}
