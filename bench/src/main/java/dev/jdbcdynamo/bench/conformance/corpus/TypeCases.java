package dev.jdbcdynamo.bench.conformance.corpus;

import com.fasterxml.jackson.databind.JsonNode;

/** Every attribute type used as a value of every key type (S, N, B), in reads and writes, as literal and parameter. */
final class TypeCases {
    /**
     * An attribute type with a value of it that, where the types match, names an existing key.
     *
     * @param literal the PartiQL literal of the value, or null where the type has none (binary)
     */
    record Type(String name, JsonNode value, String literal) {
    }

    static final Type[] TYPES = {
        new Type("S", Av.s("k1"), "'k1'"),
        new Type("N", Av.n("1"), "1"),
        new Type("B", Av.b("k1"), null),
        new Type("BOOL", Av.bool(true), "true"),
        new Type("NULL", Av.nul(), "null"),
        new Type("M", Av.m("a", Av.s("k1")), "{'a': 'k1'}"),
        new Type("L", Av.l(Av.s("k1")), "['k1']"),
        new Type("SS", Av.ss("k1"), "<<'k1'>>"),
        new Type("NS", Av.ns("1"), "<<1>>"),
        new Type("BS", Av.bs("k1"), null),
    };

    private TypeCases() {
    }

    static void addTo(Corpus corpus) {
        for (String key : new String[] {"S", "N", "B"}) {
            String table = "\"Key" + key + "\"";
            JsonNode k1 = Fixture.key(key, 1);
            for (Type t : TYPES) {
                String suffix = key.toLowerCase() + "_" + t.name().toLowerCase();
                CaseFile pk = new CaseFile("A " + t.name() + " value compared with a partition key of type " + key)
                        .table(Fixture.keys(key));
                pk.statement("SELECT * FROM " + table + " WHERE pk = ?", t.value());
                pk.statement("SELECT * FROM " + table + " WHERE pk = ? AND sk = ?", t.value(), k1);
                if (t.literal() != null) {
                    pk.statement("SELECT * FROM " + table + " WHERE pk = " + t.literal());
                    pk.statement("SELECT * FROM " + table + " WHERE " + t.literal() + " = pk");
                }
                corpus.add("types", "pk_" + suffix, pk);

                CaseFile sk = new CaseFile("A " + t.name() + " value compared with a sort key of type " + key)
                        .table(Fixture.keys(key));
                sk.statement("SELECT * FROM " + table + " WHERE pk = ? AND sk = ?", k1, t.value());
                sk.statement("SELECT * FROM " + table + " WHERE pk = ? AND sk > ?", k1, t.value());
                sk.statement("SELECT * FROM " + table + " WHERE pk = ? AND sk BETWEEN ? AND ?", k1, t.value(), t.value());
                if (t.literal() != null) {
                    sk.statement("SELECT * FROM " + table + " WHERE pk = ? AND sk >= " + t.literal(), k1);
                    sk.statement("SELECT * FROM " + table + " WHERE pk = ? AND " + t.literal() + " < sk", k1);
                }
                if (t.literal() != null && t.name().equals(key)) {
                    sk.deviation(ComparisonCases.SORT_KEY_LEFT);
                }
                corpus.add("types", "sk_" + suffix, sk);

                CaseFile insert = new CaseFile("INSERT with a " + t.name() + " value for a key of type " + key)
                        .table(Fixture.keys(key));
                insert.statement("INSERT INTO " + table + " VALUE {'pk': ?, 'sk': ?}", t.value(), Fixture.key(key, 7));
                insert.statement("INSERT INTO " + table + " VALUE {'pk': ?, 'sk': ?}", Fixture.key(key, 8), t.value());
                if (t.literal() != null) {
                    insert.statement("INSERT INTO " + table + " VALUE {'pk': " + t.literal() + ", 'sk': ?}", Fixture.key(key, 9));
                }
                corpus.add("types", "insert_" + suffix, insert);

                CaseFile write = new CaseFile("UPDATE and DELETE whose key condition has a " + t.name()
                        + " value for a key of type " + key).table(Fixture.keys(key));
                write.statement("UPDATE " + table + " SET v = 9 WHERE pk = ? AND sk = ?", t.value(), k1);
                write.statement("UPDATE " + table + " SET v = 9 WHERE pk = ? AND sk = ?", k1, t.value());
                write.statement("DELETE FROM " + table + " WHERE pk = ? AND sk = ?", t.value(), k1);
                write.statement("DELETE FROM " + table + " WHERE pk = ? AND sk = ?", k1, t.value());
                corpus.add("types", "write_" + suffix, write);
            }
        }
        indexKeys(corpus);
        // Plain attributes of every type, read back: the values survive a round trip.
        CaseFile all = new CaseFile("An item holding every attribute type, inserted with parameters and read back")
                .table(Fixture.flat());
        StringBuilder members = new StringBuilder("'pk': 'all'");
        JsonNode[] values = new JsonNode[TYPES.length];
        for (int i = 0; i < TYPES.length; i++) {
            members.append(", 'a_").append(TYPES[i].name().toLowerCase()).append("': ?");
            values[i] = TYPES[i].value();
        }
        all.statement("INSERT INTO \"Flat\" VALUE {" + members + "}", values);
        all.statement("SELECT * FROM \"Flat\" WHERE pk = 'all'");
        corpus.add("types", "all_types_round_trip", all);
    }

    /** Every type against the index keys of {@link Fixture#indexed()}: g (S) and gr (N) of the global index, l (S) of the local one. */
    private static void indexKeys(Corpus corpus) {
        for (Type t : TYPES) {
            String suffix = t.name().toLowerCase();
            CaseFile gsiHash = new CaseFile("A " + t.name() + " value compared with a global index's partition key of type S")
                    .table(Fixture.indexed());
            gsiHash.statement("SELECT pk, sk FROM \"Idx\".\"ByG\" WHERE g = ?", t.value());
            if (t.literal() != null) {
                gsiHash.statement("SELECT pk, sk FROM \"Idx\".\"ByG\" WHERE g = " + t.literal());
            }
            corpus.add("types", "gsi_hash_" + suffix, gsiHash);

            CaseFile gsiRange = new CaseFile("A " + t.name() + " value compared with a global index's sort key of type N")
                    .table(Fixture.indexed());
            gsiRange.statement("SELECT pk, sk FROM \"Idx\".\"ByG\" WHERE g = 'x' AND gr = ?", t.value());
            gsiRange.statement("SELECT pk, sk FROM \"Idx\".\"ByG\" WHERE g = 'x' AND gr > ?", t.value());
            if (t.literal() != null) {
                gsiRange.statement("SELECT pk, sk FROM \"Idx\".\"ByG\" WHERE g = 'x' AND gr <= " + t.literal());
            }
            corpus.add("types", "gsi_range_" + suffix, gsiRange);

            CaseFile lsi = new CaseFile("A " + t.name() + " value compared with a local index's sort key of type S")
                    .table(Fixture.indexed());
            lsi.statement("SELECT pk, sk FROM \"Idx\".\"ByL\" WHERE pk = 'a' AND l = ?", t.value());
            lsi.statement("SELECT pk, sk FROM \"Idx\".\"ByL\" WHERE pk = 'a' AND l >= ?", t.value());
            corpus.add("types", "lsi_" + suffix, lsi);

            CaseFile write = new CaseFile("INSERT and UPDATE giving an index key a " + t.name() + " value")
                    .table(Fixture.indexed());
            write.statement("INSERT INTO \"Idx\" VALUE {'pk': 'c', 'sk': 1, 'g': ?}", t.value());
            write.statement("INSERT INTO \"Idx\" VALUE {'pk': 'c', 'sk': 2, 'g': 'x', 'gr': ?}", t.value());
            write.statement("INSERT INTO \"Idx\" VALUE {'pk': 'c', 'sk': 3, 'l': ?}", t.value());
            corpus.add("types", "index_insert_" + suffix, write);
        }
    }
}
