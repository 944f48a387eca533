package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.planner.plan.Language;
import java.util.function.Function;

/**
 * How a {@link Session} treats its statements.
 *
 * @param language PartiQL exactly as DynamoDB's, or SQL (also the front end's SQL extensions)
 * @param consistentRead DynamoDB's ConsistentRead for reads; null: tables and local indexes on the
 *     primaries, global indexes eventually consistent; false: replicas where the topology has them
 * @param fullScanGuard true: a statement that would read every shard fails (AccessDeniedException)
 * @param returnOldOnConditionCheckFailure DynamoDB's ReturnValuesOnConditionCheckFailure=ALL_OLD
 * @param gsiReadYourWrites beyond DynamoDB: a global index read waits for the writes committed before it
 * @param sqlExtensions the front end's SQL extensions over a database, or null for none
 */
public record SessionOptions(Language language, Boolean consistentRead, boolean fullScanGuard,
                             boolean returnOldOnConditionCheckFailure, boolean gsiReadYourWrites,
                             Function<DynamoDatabase, SqlExtension> sqlExtensions) {
    /** DynamoDB's own behaviour: PartiQL, default consistency, no extensions. */
    public static SessionOptions partiql() {
        return new SessionOptions(Language.PARTIQL, null, false, false, false, null);
    }

    public SessionOptions withReturnOldOnConditionCheckFailure(boolean returnOld) {
        return new SessionOptions(language, consistentRead, fullScanGuard, returnOld, gsiReadYourWrites, sqlExtensions);
    }

    public SessionOptions withConsistentRead(Boolean consistent) {
        return new SessionOptions(language, consistent, fullScanGuard, returnOldOnConditionCheckFailure,
                gsiReadYourWrites, sqlExtensions);
    }

    public SessionOptions withGsiReadYourWrites(boolean readYourWrites) {
        return new SessionOptions(language, consistentRead, fullScanGuard, returnOldOnConditionCheckFailure,
                readYourWrites, sqlExtensions);
    }
}
