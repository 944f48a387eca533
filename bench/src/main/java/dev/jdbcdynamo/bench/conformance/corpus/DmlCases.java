package dev.jdbcdynamo.bench.conformance.corpus;

/** Every DML statement on the table and on each of its index names, and the key conditions of writes. */
final class DmlCases {
    private static final String[][] TARGETS = {
        {"table", "\"Idx\""}, {"lsi", "\"Idx\".\"ByL\""}, {"gsi", "\"Idx\".\"ByG\""},
    };

    /** Recorded: DynamoDB Local's PartiQL UPDATE stores an index key of the wrong type, which its INSERT refuses. */
    static final String INDEX_KEY_TYPE = "DynamoDB Local's UPDATE sets an index key attribute to a value of another type"
            + " than the index declares (its INSERT refuses it); the service refuses both (Type mismatch for Index Key)";

    private DmlCases() {
    }

    static void addTo(Corpus corpus) {
        for (String[] t : TARGETS) {
            String from = t[1];
            one(corpus, t[0] + "_insert", "INSERT INTO " + from + " VALUE {'pk': 'c', 'sk': 1, 'l': 'l9', 'g': 'z', 'gr': 9}");
            one(corpus, t[0] + "_update_set", "UPDATE " + from + " SET v = 9 WHERE pk = 'a' AND sk = 1");
            one(corpus, t[0] + "_update_remove", "UPDATE " + from + " REMOVE v WHERE pk = 'a' AND sk = 1");
            one(corpus, t[0] + "_update_returning", "UPDATE " + from + " SET v = 9 WHERE pk = 'a' AND sk = 1 RETURNING ALL NEW *");
            one(corpus, t[0] + "_delete", "DELETE FROM " + from + " WHERE pk = 'a' AND sk = 1");
            one(corpus, t[0] + "_delete_returning", "DELETE FROM " + from + " WHERE pk = 'a' AND sk = 1 RETURNING ALL OLD *");
            one(corpus, t[0] + "_select_key", "SELECT * FROM " + from + " WHERE pk = 'a' AND sk = 1");
            one(corpus, t[0] + "_select_scan", "SELECT pk, sk FROM " + from);
        }
        // Key conditions of writes: literal on either side, parameters, conditions beside the key.
        one(corpus, "update_key_left", "UPDATE \"Idx\" SET v = 9 WHERE 'a' = pk AND 1 = sk");
        one(corpus, "update_key_mixed", "UPDATE \"Idx\" SET v = 9 WHERE pk = 'a' AND 2 = sk");
        one(corpus, "delete_key_left", "DELETE FROM \"Idx\" WHERE 'a' = pk AND 1 = sk");
        one(corpus, "update_condition_left_true", "UPDATE \"Idx\" SET v = 9 WHERE pk = 'a' AND sk = 1 AND 1 = v");
        one(corpus, "update_condition_left_false", "UPDATE \"Idx\" SET v = 9 WHERE pk = 'a' AND sk = 1 AND 5 < v");
        one(corpus, "update_condition_left_lt", "UPDATE \"Idx\" SET v = 9 WHERE pk = 'a' AND sk = 1 AND 0 < v");
        one(corpus, "delete_condition_left_false", "DELETE FROM \"Idx\" WHERE pk = 'a' AND sk = 1 AND 5 <= v");
        one(corpus, "delete_condition_left_true", "DELETE FROM \"Idx\" WHERE pk = 'a' AND sk = 1 AND 1 >= v");
        one(corpus, "update_sk_range", "UPDATE \"Idx\" SET v = 9 WHERE pk = 'a' AND sk > 1");
        one(corpus, "delete_sk_range", "DELETE FROM \"Idx\" WHERE pk = 'a' AND sk < 2");
        one(corpus, "update_no_sk", "UPDATE \"Idx\" SET v = 9 WHERE pk = 'a'");
        one(corpus, "delete_pk_in", "DELETE FROM \"Idx\" WHERE pk IN ['a'] AND sk = 1");
        one(corpus, "update_key_or", "UPDATE \"Idx\" SET v = 9 WHERE pk = 'a' AND sk = 1 OR pk = 'b' AND sk = 1");
        one(corpus, "update_set_key", "UPDATE \"Idx\" SET sk = 5 WHERE pk = 'a' AND sk = 1");
        one(corpus, "update_remove_key", "UPDATE \"Idx\" REMOVE pk WHERE pk = 'a' AND sk = 1");
        one(corpus, "update_gsi_key_wrong_type", "UPDATE \"Idx\" SET gr = 'text' WHERE pk = 'a' AND sk = 1").deviation(INDEX_KEY_TYPE);
        one(corpus, "update_lsi_key_wrong_type", "UPDATE \"Idx\" SET l = 5 WHERE pk = 'a' AND sk = 1").deviation(INDEX_KEY_TYPE);
        one(corpus, "update_remove_gsi_key", "UPDATE \"Idx\" REMOVE g WHERE pk = 'a' AND sk = 1");
        one(corpus, "insert_gsi_key_wrong_type", "INSERT INTO \"Idx\" VALUE {'pk': 'c', 'sk': 1, 'g': 5}");
        one(corpus, "insert_lsi_key_wrong_type", "INSERT INTO \"Idx\" VALUE {'pk': 'c', 'sk': 1, 'l': true}");
        one(corpus, "insert_duplicate", "INSERT INTO \"Idx\" VALUE {'pk': 'a', 'sk': 1}");
        one(corpus, "insert_missing_sk", "INSERT INTO \"Idx\" VALUE {'pk': 'c'}");
        one(corpus, "update_missing_item", "UPDATE \"Idx\" SET v = 9 WHERE pk = 'zz' AND sk = 1");
        corpus.add("dml", "delete_missing_item_condition", new CaseFile(
                "A conditional DELETE of a missing item").table(Fixture.indexed())
                .statement("DELETE FROM \"Idx\" WHERE pk = 'zz' AND sk = 1 AND v = 1")
                .deviation("DynamoDB Local accepts a conditional DELETE of a missing item; the service fails the condition"));
        corpus.add("dml", "update_key_params_left", new CaseFile("UPDATE with the key written ? = pk")
                .table(Fixture.indexed())
                .statement("UPDATE \"Idx\" SET v = ? WHERE ? = pk AND ? = sk", Av.n("9"), Av.s("a"), Av.n("2")));
        corpus.add("dml", "delete_key_params_left", new CaseFile("DELETE with the key written ? = pk")
                .table(Fixture.indexed())
                .statement("DELETE FROM \"Idx\" WHERE ? = pk AND ? = sk", Av.s("a"), Av.n("2")));
        corpus.add("dml", "update_condition_all_old", new CaseFile(
                "A failed UPDATE condition written with the literal on the left, asking for the old item")
                .table(Fixture.indexed())
                .statementAllOld("UPDATE \"Idx\" SET v = 9 WHERE pk = 'a' AND sk = 1 AND 7 = v"));
    }

    private static CaseFile one(Corpus corpus, String name, String sql) {
        CaseFile c = new CaseFile(sql).table(Fixture.indexed()).statement(sql);
        corpus.add("dml", name, c);
        return c;
    }
}
