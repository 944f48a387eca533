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
}
