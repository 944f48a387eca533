package dev.jdbcdynamo.engine.tx;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The XA transaction id of a two-phase commit. Its global part names the time it began and the
 * coordinator shard that holds its decision, so that any driver instance finds both from
 * {@code XA RECOVER} alone: {@code jd.<database id>.<millis hex>.<random hex>.<coordinator shard index>};
 * the branch qualifier is {@code b<shard index>}. {@code XA RECOVER} lists the prepared branches
 * of the whole server, so the database id (a hash of the shards' database names) keeps apart
 * the transactions of several jdbc:dynamo databases that share a server.
 */
record Xid(String gtrid, String database, long createdMillis, int coordinator) {
    /** The XA format id of this driver's transactions ("JD"); other XA users of the shards are left alone. */
    static final int FORMAT = 0x4A44;

    static Xid next(String database, int coordinator) {
        long now = System.currentTimeMillis();
        long random = ThreadLocalRandom.current().nextLong();
        return new Xid(String.format("jd.%s.%x.%016x.%d", database, now, random, coordinator), database, now,
                coordinator);
    }

    /** The id of a global part this driver wrote, or null for anything else. */
    static Xid parse(String gtrid) {
        String[] parts = gtrid.split("\\.");
        if (parts.length != 5 || !parts[0].equals("jd")) {
            return null;
        }
        try {
            return new Xid(gtrid, parts[1], Long.parseLong(parts[2], 16), Integer.parseInt(parts[4]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The xid of one shard's branch as XA statements take it: {@code 'gtrid','bN',format}. */
    String branch(int shard) {
        return "'" + gtrid + "','b" + shard + "'," + FORMAT;
    }

    /** The shard index of a branch qualifier {@code bN}, or -1. */
    static int shardOf(String bqual) {
        if (!bqual.startsWith("b")) {
            return -1;
        }
        try {
            return Integer.parseInt(bqual.substring(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
