package dev.jdbcdynamo.bench;

import java.util.Locale;

/** One benchmarked operation, in the order the tables list them. */
enum Operation {
    GET("get by full key", false),
    INSERT("insert", false),
    COUNTER("counter update (`SET n = n + 1`)", false),
    QUERY("query of a %d-item partition", false),
    CONDITIONAL_FAIL("conditional update that fails", false),
    SCAN("scan of %,d items", false),
    BATCH_LOAD("batch load (%d items per call)", false),
    TRANSACTION("transaction (2 counter updates in one partition)", false),
    TRANSACTION_CROSS("transaction (2 counter updates in 2 random partitions: other shards 3 times in 4)", false),
    GSI_QUERY("GSI query (%d items)", false),
    GSI_LAG("GSI propagation lag (insert until a GSI query sees it)", true),
    PLAN_FIRST("first plan in a new JVM", true),
    PLAN_NEW("new plan, warm JVM", true),
    PLAN_SHAPE("new text of a known shape (literals lifted)", true),
    PLAN_CACHED("cached plan (repeated text)", true);

    private final String label;
    private final boolean planning;

    Operation(String label, boolean planning) {
        this.label = label;
        this.planning = planning;
    }

    /** True for the planning costs and the GSI lag, which only jdbc:dynamo has. */
    boolean planning() {
        return planning;
    }

    /** The row label, with the sizes this run used. */
    String label(Dataset data) {
        return switch (this) {
            case QUERY, GSI_QUERY -> String.format(label, Dataset.PARTITION_SIZE);
            case SCAN -> String.format(Locale.ROOT, label, data.scanItems());
            case BATCH_LOAD -> String.format(label, Dataset.BATCH_SIZE);
            case GET, INSERT, COUNTER, CONDITIONAL_FAIL, TRANSACTION, TRANSACTION_CROSS, GSI_LAG, PLAN_FIRST, PLAN_NEW, PLAN_SHAPE, PLAN_CACHED -> label;
        };
    }
}
