package dev.jdbcdynamo.bench.conformance.corpus;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Batches (RETURNING inside one, the same item twice, failures beside successes) and each way a transaction fails. */
final class GroupCases {
    private static final String SET_A1 = "UPDATE \"Idx\" SET v = 9 WHERE pk = 'a' AND sk = 1";
    private static final String SET_A2 = "UPDATE \"Idx\" SET v = 8 WHERE pk = 'a' AND sk = 2";
    private static final String GET_A1 = "SELECT * FROM \"Idx\" WHERE pk = 'a' AND sk = 1";
    private static final String GET_A2 = "SELECT * FROM \"Idx\" WHERE pk = 'a' AND sk = 2";

    private GroupCases() {
    }

    static void addTo(Corpus corpus) {
        batches(corpus);
        transactions(corpus);
    }

    private static void batches(Corpus corpus) {
        batch(corpus, "returning_update", SET_A1 + " RETURNING ALL NEW *");
        batch(corpus, "returning_update_old", SET_A1 + " RETURNING ALL OLD *", SET_A2);
        batch(corpus, "returning_modified", SET_A1 + " RETURNING MODIFIED NEW *", SET_A2 + " RETURNING MODIFIED OLD *");
        batch(corpus, "returning_delete", "DELETE FROM \"Idx\" WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *");
        // DynamoDB Local applies the writes of a batch naming one item twice before it answers
        // ValidationException; the service refuses the request without writing. Not dumping the
        // table keeps the answer both give.
        batch(corpus, "same_item_update_twice", SET_A1, "UPDATE \"Idx\" SET v = 7 WHERE pk = 'a' AND sk = 1").dump(false);
        batch(corpus, "same_item_insert_delete", "INSERT INTO \"Idx\" VALUE {'pk': 'c', 'sk': 1}",
                "DELETE FROM \"Idx\" WHERE pk = 'c' AND sk = 1").dump(false);
        batch(corpus, "same_item_read_twice", GET_A1, GET_A1);
        batch(corpus, "same_item_key_left", SET_A1, "UPDATE \"Idx\" SET v = 7 WHERE 'a' = pk AND 1 = sk").dump(false);
        batch(corpus, "same_key_two_tables", "UPDATE \"KeyS\" SET v = 9 WHERE pk = 'k1' AND sk = 'k1'",
                "UPDATE \"Idx\" SET v = 9 WHERE pk = 'a' AND sk = 1");
        batch(corpus, "condition_fails_one", SET_A1 + " AND v = 99", SET_A2);
        batch(corpus, "insert_duplicate_one", "INSERT INTO \"Idx\" VALUE {'pk': 'a', 'sk': 1}",
                "INSERT INTO \"Idx\" VALUE {'pk': 'c', 'sk': 1}");
        batch(corpus, "index_name_write", "UPDATE \"Idx\".\"ByG\" SET v = 9 WHERE pk = 'a' AND sk = 1", SET_A2);
        batch(corpus, "index_name_read", "SELECT * FROM \"Idx\".\"ByL\" WHERE pk = 'a' AND l = 'l1'", GET_A2);
        batch(corpus, "key_left_read", "SELECT * FROM \"Idx\" WHERE 'a' = pk AND 1 = sk", GET_A2);
        batch(corpus, "key_type_mismatch", "SELECT * FROM \"KeyS\" WHERE pk = 1 AND sk = 'k1'",
                "SELECT * FROM \"KeyS\" WHERE pk = 'k1' AND sk = 'k1'");
        batch(corpus, "read_not_full_key", "SELECT * FROM \"Idx\" WHERE pk = 'a'", GET_A2);
        batch(corpus, "syntax_error_one", "SELEC * FROM \"Idx\" WHERE pk = 'a' AND sk = 1", GET_A2);
        batch(corpus, "missing_table_one", "SELECT * FROM \"Nope\" WHERE pk = 'a' AND sk = 1", GET_A2);
        batch(corpus, "mixed_read_write", GET_A1, SET_A2);
        batch(corpus, "update_missing_item", "UPDATE \"Idx\" SET v = 9 WHERE pk = 'zz' AND sk = 1", SET_A2);
        batch(corpus, "gsi_key_wrong_type", "UPDATE \"Idx\" SET gr = 'text' WHERE pk = 'a' AND sk = 1", SET_A2)
                .deviation(DmlCases.INDEX_KEY_TYPE);
        for (int n : new int[] {24, 25, 26}) {
            String[] reads = new String[n];
            String[] writes = new String[n];
            for (int i = 0; i < n; i++) {
                reads[i] = "SELECT * FROM \"Idx\" WHERE pk = 'r" + i + "' AND sk = 1";
                writes[i] = "INSERT INTO \"Idx\" VALUE {'pk': 'w" + i + "', 'sk': 1}";
            }
            batch(corpus, "reads_" + n, reads);
            batch(corpus, "writes_" + n, writes);
        }
    }

    private static CaseFile batch(Corpus corpus, String name, String... statements) {
        CaseFile c = new CaseFile("A batch: " + String.join(" / ", statements).substring(0,
                Math.min(200, String.join(" / ", statements).length()))).table(Fixture.indexed());
        if (String.join(" ", statements).contains("\"KeyS\"")) {
            c.table(Fixture.keys("S"));
        }
        corpus.add("batch", name, c.batch(statements));
        return c;
    }

    private static void transactions(Corpus corpus) {
        txn(corpus, "update_condition_false", SET_A1 + " AND v = 99", SET_A2);
        txn(corpus, "update_condition_left_false", SET_A1 + " AND 99 = v", SET_A2);
        txn(corpus, "delete_condition_false", "DELETE FROM \"Idx\" WHERE pk = 'a' AND sk = 1 AND v = 99", SET_A2);
        corpus.add("transaction", "delete_missing_item_condition", new CaseFile("A transaction with a conditional DELETE of a missing item")
                .table(Fixture.indexed())
                .transaction("DELETE FROM \"Idx\" WHERE pk = 'zz' AND sk = 1 AND v = 1", SET_A2)
                .deviation("DynamoDB Local accepts a conditional DELETE of a missing item; the service fails the condition"));
        corpus.add("transaction", "insert_duplicate", new CaseFile("A transaction inserting an item that exists")
                .table(Fixture.indexed())
                .transaction("INSERT INTO \"Idx\" VALUE {'pk': 'a', 'sk': 1}", SET_A2)
                .deviation("DynamoDB Local reports a duplicate INSERT in a transaction as ValidationError; the service as DuplicateItem"));
        txn(corpus, "update_missing_item", "UPDATE \"Idx\" SET v = 9 WHERE pk = 'zz' AND sk = 1", SET_A2);
        txn(corpus, "exists_missing_item", "EXISTS(SELECT * FROM \"Idx\" WHERE pk = 'zz' AND sk = 1)", SET_A2);
        txn(corpus, "exists_condition_false", "EXISTS(SELECT * FROM \"Idx\" WHERE pk = 'a' AND sk = 1 AND v = 99)", SET_A2);
        txn(corpus, "exists_key_left", "EXISTS(SELECT * FROM \"Idx\" WHERE 'a' = pk AND 1 = sk)", SET_A2);
        txn(corpus, "two_conditions_false", SET_A1 + " AND v = 99", SET_A2 + " AND v = 99");
        txn(corpus, "same_item_twice", SET_A1, "UPDATE \"Idx\" SET v = 7 WHERE pk = 'a' AND sk = 1");
        txn(corpus, "same_item_exists_and_write", "EXISTS(SELECT * FROM \"Idx\" WHERE pk = 'a' AND sk = 1)", SET_A1);
        txn(corpus, "same_item_key_left", SET_A1, "UPDATE \"Idx\" SET v = 7 WHERE 'a' = pk AND 1 = sk");
        txn(corpus, "key_type_mismatch", "UPDATE \"Idx\" SET v = 9 WHERE pk = 1 AND sk = 1", SET_A2);
        txn(corpus, "gsi_key_wrong_type", "UPDATE \"Idx\" SET gr = 'text' WHERE pk = 'a' AND sk = 1", SET_A2)
                .deviation(DmlCases.INDEX_KEY_TYPE);
        txn(corpus, "insert_lsi_key_wrong_type", "INSERT INTO \"Idx\" VALUE {'pk': 'c', 'sk': 1, 'l': 5}", SET_A2);
        txn(corpus, "number_overflow", "UPDATE \"Idx\" SET v = 9.9E+125 + 9.9E+125 WHERE pk = 'a' AND sk = 1", SET_A2);
        txn(corpus, "arithmetic_on_string", "UPDATE \"Idx\" SET v = v + 1 WHERE pk = 'b' AND sk = 1", SET_A2);
        txn(corpus, "remove_key", "UPDATE \"Idx\" REMOVE sk WHERE pk = 'a' AND sk = 1", SET_A2);
        txn(corpus, "missing_table", "UPDATE \"Nope\" SET v = 9 WHERE pk = 'a' AND sk = 1", SET_A2);
        txn(corpus, "index_name_write", "UPDATE \"Idx\".\"ByG\" SET v = 9 WHERE pk = 'a' AND sk = 1", SET_A2);
        txn(corpus, "key_range_write", "UPDATE \"Idx\" SET v = 9 WHERE pk = 'a' AND sk > 1", SET_A2);
        txn(corpus, "returning", SET_A1 + " RETURNING ALL NEW *", SET_A2);
        txn(corpus, "syntax_error", "UPDATE \"Idx\" SET v = WHERE pk = 'a' AND sk = 1", SET_A2);
        txn(corpus, "reads_key_left", "SELECT * FROM \"Idx\" WHERE 'a' = pk AND 1 = sk", GET_A2);
        corpus.add("transaction", "condition_false_all_old", new CaseFile(
                "A transaction whose failing statement asks for the old item").table(Fixture.indexed())
                .transaction(List.of(allOld(SET_A1 + " AND v = 99"), CaseFile.step(SET_A2, List.of()))));
        corpus.add("transaction", "params_key_left", new CaseFile("A transaction with the key as parameters on the left")
                .table(Fixture.indexed())
                .transaction(List.of(
                        CaseFile.step("UPDATE \"Idx\" SET v = ? WHERE ? = pk AND ? = sk", List.of(Av.n("9"), Av.s("a"), Av.n("1"))),
                        CaseFile.step(SET_A2, List.of()))));
        for (int n : new int[] {99, 100, 101}) {
            List<ObjectNode> writes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                writes.add(CaseFile.step("INSERT INTO \"Idx\" VALUE {'pk': 'w" + i + "', 'sk': 1}", List.of()));
            }
            corpus.add("transaction", "writes_" + n, new CaseFile("A transaction of " + n + " INSERTs")
                    .table(Fixture.indexed()).transaction(writes));
        }
    }

    private static ObjectNode allOld(String sql) {
        ObjectNode step = CaseFile.step(sql, List.of());
        step.put("returnValuesOnConditionCheckFailure", "ALL_OLD");
        return step;
    }

    private static CaseFile txn(Corpus corpus, String name, String... statements) {
        CaseFile c = new CaseFile("A transaction: " + String.join(" / ", statements)).table(Fixture.indexed()).transaction(statements);
        corpus.add("transaction", name, c);
        return c;
    }
}
