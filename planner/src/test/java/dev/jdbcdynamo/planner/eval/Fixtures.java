package dev.jdbcdynamo.planner.eval;

import dev.jdbcdynamo.planner.ast.Statement;
import dev.jdbcdynamo.planner.parse.Parser;
import dev.jdbcdynamo.planner.value.AttributeValue;
import dev.jdbcdynamo.planner.value.DynamoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Items and statements for the tests of this package: the Users fixture of the conformance cases
 * and a probe item with every type, with the answers DynamoDB Local 2.6.1 gave for them.
 */
final class Fixtures {
    /** The users fixture of the recorded conformance cases (u4 has age as a string, u5 almost nothing). */
    static final List<Map<String, AttributeValue>> USERS = List.of(
            DynamoJson.readItem("""
                {"user_id":{"S":"u1"},"name":{"S":"Alice"},"age":{"N":"34"},"email":{"S":"alice@example.com"},
                 "profile":{"M":{"address":{"M":{"city":{"S":"Seattle"},"zip":{"S":"98101"}}},
                   "langs":{"L":[{"S":"en"},{"S":"fr"}]}}},
                 "roles":{"SS":["admin","dev"]},"scores":{"NS":["10","20.5","3"]},"active":{"BOOL":true},
                 "nickname":{"NULL":true},"avatar":{"B":"AAEC/w=="},"tags":{"L":[{"S":"a"},{"N":"1"},{"BOOL":true}]}}"""),
            DynamoJson.readItem("""
                {"user_id":{"S":"u2"},"name":{"S":"Bob"},"age":{"N":"27"},"email":{"S":"bob@example.org"},
                 "profile":{"M":{"address":{"M":{"city":{"S":"Portland"}}}}},"roles":{"SS":["dev"]},
                 "active":{"BOOL":false}}"""),
            DynamoJson.readItem("""
                {"user_id":{"S":"u3"},"name":{"S":"Carol"},"age":{"N":"41"},"email":{"S":"carol@example.com"},
                 "roles":{"SS":["ops"]},"last_login":{"S":"2024-03-01T10:00:00Z"},"active":{"BOOL":true},
                 "nickname":{"S":"cc"}}"""),
            DynamoJson.readItem("""
                {"user_id":{"S":"u4"},"name":{"S":"Dan"},"age":{"S":"35"},"active":{"NULL":true},
                 "scores":{"NS":["7"]}}"""),
            DynamoJson.readItem("""
                {"user_id":{"S":"u5"},"name":{"S":"Eve"},"tags":{"L":[]},"profile":{"M":{}}}"""));

    /** An item with every type, for updates and projections. */
    static final Map<String, AttributeValue> PROBE = DynamoJson.readItem("""
            {"id":{"S":"a"},"n":{"N":"5"},"s":{"S":"str"},
             "m":{"M":{"x":{"N":"1"},"y":{"M":{"z":{"S":"deep"}}}}},
             "l":{"L":[{"N":"0"},{"N":"1"},{"N":"2"},{"M":{"k":{"S":"v"}}}]},
             "ss":{"SS":["a","b"]},"ns":{"NS":["1","2"]},"bs":{"BS":["AA==","AQ=="]},
             "nul":{"NULL":true},"b":{"BOOL":true},
             "ll":{"L":[{"L":[{"N":"1"},{"N":"2"}]},{"L":[{"N":"3"},{"N":"4"}]}]},
             "lm":{"L":[{"M":{"k":{"S":"v0"}}},{"M":{"k":{"S":"v1"}}},{"M":{"k":{"S":"v2"}}}]},
             "mm":{"M":{"a":{"L":[{"M":{"b":{"L":[{"N":"10"},{"N":"20"}]}}}]}}}}""");

    private Fixtures() {
    }

    static Statement parse(String text) {
        return Parser.parse(text).statement();
    }

    /** Parameters written as DynamoDB JSON values, as in the conformance cases. */
    static List<AttributeValue> params(String... json) {
        List<AttributeValue> out = new ArrayList<>();
        for (String j : json) {
            out.add(DynamoJson.readValue(j));
        }
        return out;
    }

    /** The user_ids of the users for which the condition holds, in fixture order. */
    static List<String> usersWhere(String condition, List<AttributeValue> params) {
        Statement.Select select = (Statement.Select) parse("SELECT user_id FROM Users WHERE " + condition);
        List<String> ids = new ArrayList<>();
        for (Map<String, AttributeValue> user : USERS) {
            if (ConditionEvaluator.test(select.where(), user, params)) {
                ids.add(((AttributeValue.S) user.get("user_id")).value());
            }
        }
        return ids;
    }

    static UpdateApplier.Result update(Map<String, AttributeValue> item, String actions, List<AttributeValue> params) {
        Statement.Update u = (Statement.Update) parse("UPDATE Tab " + actions + " WHERE id = 'a'");
        return UpdateApplier.apply(item, u.actions(), params);
    }

    static String select(Map<String, AttributeValue> item, String projection) {
        Statement.Select s = (Statement.Select) parse("SELECT " + projection + " FROM Tab WHERE id = 'a'");
        return DynamoJson.canonicalItem(Projector.project(s.items(), item));
    }
}
