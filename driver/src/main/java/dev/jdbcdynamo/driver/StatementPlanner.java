package dev.jdbcdynamo.driver;

import dev.jdbcdynamo.driver.storage.DynamoDatabase;
import dev.jdbcdynamo.planner.parse.ParsedStatement;
import dev.jdbcdynamo.planner.parse.Parser;
import dev.jdbcdynamo.planner.plan.Binder;
import dev.jdbcdynamo.planner.plan.Language;
import dev.jdbcdynamo.planner.plan.Plan;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses, binds and plans statement text, caching plans per connection by text and catalog
 * generation: a repeated statement costs a map lookup.
 */
final class StatementPlanner {
    private static final int CACHE_SIZE = 256;

    private final DynamoDatabase database;
    private final Language language;
    private final Map<String, Prepared> cache = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    StatementPlanner(DynamoDatabase database, Language language) {
        this.database = database;
        this.language = language;
    }

    /** A planned statement and the number of {@code ?} it takes. */
    record Prepared(Plan plan, int parameterCount, long generation) {
    }

    Prepared plan(String sql) {
        long generation = database.routing().generation();
        Prepared cached = cache.get(sql);
        if (cached != null && cached.generation() == generation) {
            return cached;
        }
        ParsedStatement parsed = Parser.parse(sql);
        Plan plan = new Binder(database, language).bind(parsed.statement());
        Prepared prepared = new Prepared(plan, parsed.parameterCount(), database.routing().generation());
        if (!(plan instanceof Plan.CreateTable || plan instanceof Plan.DropTable || plan instanceof Plan.CreateIndex
                || plan instanceof Plan.DropIndex)) {
            cache.put(sql, prepared);
        }
        return prepared;
    }

    Language language() {
        return language;
    }
}
