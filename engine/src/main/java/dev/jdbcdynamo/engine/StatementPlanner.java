package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.engine.storage.DynamoDatabase;
import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.planner.parse.ParsedStatement;
import dev.jdbcdynamo.planner.parse.Parser;
import dev.jdbcdynamo.planner.plan.Binder;
import dev.jdbcdynamo.planner.plan.Language;
import dev.jdbcdynamo.planner.plan.LiteralLifter;
import dev.jdbcdynamo.planner.plan.Plan;
import dev.jdbcdynamo.planner.plan.SqlExtensionCheck;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses, binds and plans statement text, caching plans per connection by text and catalog
 * generation: a repeated statement costs a map lookup. A text seen for the first time is parsed,
 * its literals are lifted out where that cannot change the answer ({@link LiteralLifter}), and the
 * plan of its shape is reused when a statement differing only in those literals was planned.
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

    private final Map<String, Prepared> shapes = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** The front end's SQL extensions, or null without. */
    private final SqlExtension sqlExtensions;

    StatementPlanner(DynamoDatabase database, Language language, SqlExtension sqlExtensions) {
        this.database = database;
        this.language = language;
        this.sqlExtensions = sqlExtensions;
    }

    SqlExtension sqlExtensions() {
        if (sqlExtensions == null) {
            throw ErrorCode.VALIDATION.error("SQL extensions are not available in this session");
        }
        return sqlExtensions;
    }

    void closeSqlExtensions() {
        if (sqlExtensions != null) {
            sqlExtensions.close();
        }
    }

    /** Plans a statement given as a syntax tree (not cached: the caller keeps the plan). */
    Prepared plan(ParsedStatement parsed) {
        long generation = database.routing().generation();
        Plan plan = new Binder(database, language).bind(parsed.statement());
        return new Prepared(plan, parsed.parameterCount(), generation);
    }

    Prepared plan(String sql) {
        long generation = database.routing().generation();
        Prepared cached = cache.get(sql);
        if (cached != null && cached.generation() == generation) {
            return cached;
        }
        ParsedStatement parsed;
        try {
            parsed = Parser.parse(sql);
        } catch (DynamoException e) {
            // Statements beyond our grammar (subqueries, CASE, ...) may still be SQL extensions.
            boolean extensions = language == Language.SQL && sqlExtensions != null;
            Prepared viaCalcite = extensions && e.code() == ErrorCode.SYNTAX_ERROR
                    ? sqlExtensions.prepare(sql, false) : null;
            if (viaCalcite == null && extensions && e.code() == ErrorCode.SYNTAX_ERROR) {
                viaCalcite = sqlExtensions.prepareExplain(sql, false);
            }
            if (viaCalcite == null) {
                throw e;
            }
            cache.put(sql, viaCalcite);
            return viaCalcite;
        }
        if (language == Language.SQL && sqlExtensions != null
                && SqlExtensionCheck.isExtension(parsed.statement(), database)) {
            Prepared viaCalcite = sqlExtensions.prepare(sql, true);
            cache.put(sql, viaCalcite);
            return viaCalcite;
        }
        if (language == Language.SQL && sqlExtensions != null && parsed.statement() instanceof dev.jdbcdynamo.planner.ast.Statement.Explain x
                && SqlExtensionCheck.isExtension(x.statement(), database)) {
            Prepared viaCalcite = sqlExtensions.prepareExplain(sql, true);
            if (viaCalcite != null) {
                cache.put(sql, viaCalcite);
                return viaCalcite;
            }
        }
        LiteralLifter.Lifted lifted = LiteralLifter.lift(parsed.statement(), parsed.parameterCount());
        if (lifted != null) {
            Prepared shape = shapes.get(lifted.shape());
            if (shape == null || shape.generation() != generation) {
                Plan plan = new Binder(database, language).bind(lifted.statement());
                shape = new Prepared(plan, parsed.parameterCount(), generation);
                shapes.put(lifted.shape(), shape);
            }
            Prepared prepared = new Prepared(shape.plan(), parsed.parameterCount(), generation, lifted.values());
            cache.put(sql, prepared);
            return prepared;
        }
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
