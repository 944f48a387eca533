package dev.jdbcdynamo.engine;

import dev.jdbcdynamo.planner.parse.ParsedStatement;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;

/**
 * One statement of a transaction or a batch with its parameters: text, a syntax tree, or a
 * statement already planned (exactly one of the three is set).
 */
public record Request(String text, ParsedStatement parsed, Prepared planned, List<AttributeValue> params) {
    public Request {
        params = params == null ? List.of() : List.copyOf(params);
    }

    public static Request of(String text, List<AttributeValue> params) {
        return new Request(text, null, null, params);
    }

    public static Request of(ParsedStatement parsed, List<AttributeValue> params) {
        return new Request(null, parsed, null, params);
    }

    public static Request of(Prepared planned, List<AttributeValue> params) {
        return new Request(null, null, planned, params);
    }

    /** The statement planned by a session (planned once for a text or a tree). */
    Prepared prepared(Session session) {
        if (planned != null) {
            return planned;
        }
        return parsed != null ? session.prepare(parsed) : session.prepare(text);
    }
}
