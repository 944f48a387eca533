package dev.jdbcdynamo.bench.conformance.corpus;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A small table of the generated cases with its items; the same few tables recur in every case,
 * so a runner that keeps tables between cases only empties and reloads them.
 *
 * @param definition the table in the shared format ({@code name}, {@code hash}, {@code range}, indexes)
 */
record Fixture(String name, ObjectNode definition, List<ObjectNode> items) {
    Fixture {
        items = List.copyOf(items);
    }

    /** {@code Idx}: pk S, sk N, a local index on {@code l} (S) and a global one on {@code g} (S) / {@code gr} (N). */
    static Fixture indexed() {
        ObjectNode t = Av.NODES.objectNode().put("name", "Idx").put("hash", "pk:S").put("range", "sk:N");
        ArrayNode lsi = t.putArray("lsi");
        lsi.addObject().put("name", "ByL").put("range", "l:S").put("projection", "ALL");
        ArrayNode gsi = t.putArray("gsi");
        gsi.addObject().put("name", "ByG").put("hash", "g:S").put("range", "gr:N").put("projection", "ALL");
        return new Fixture("Idx", t, List.of(
                Av.item("pk", Av.s("a"), "sk", Av.n("1"), "l", Av.s("l1"), "g", Av.s("x"), "gr", Av.n("1"), "v", Av.n("1")),
                Av.item("pk", Av.s("a"), "sk", Av.n("2"), "l", Av.s("l2"), "g", Av.s("x"), "gr", Av.n("2"), "v", Av.n("2")),
                Av.item("pk", Av.s("a"), "sk", Av.n("3"), "l", Av.s("l3"), "g", Av.s("y"), "gr", Av.n("3"), "v", Av.n("3")),
                Av.item("pk", Av.s("b"), "sk", Av.n("1"), "l", Av.s("l1"), "g", Av.s("x"), "gr", Av.n("4"), "v", Av.s("s")),
                Av.item("pk", Av.s("b"), "sk", Av.n("2"), "v", Av.nul())));
    }

    /** {@code KeyS}, {@code KeyN} or {@code KeyB}: partition and sort key both of the given type, three items. */
    static Fixture keys(String type) {
        String name = "Key" + type;
        ObjectNode t = Av.NODES.objectNode().put("name", name).put("hash", "pk:" + type).put("range", "sk:" + type);
        return new Fixture(name, t, List.of(
                Av.item("pk", key(type, 1), "sk", key(type, 1), "v", Av.n("1")),
                Av.item("pk", key(type, 1), "sk", key(type, 2), "v", Av.n("2")),
                Av.item("pk", key(type, 2), "sk", key(type, 1), "v", Av.n("3"))));
    }

    /** {@code Flat}: a string partition key only, one item; the table of the limit cases. */
    static Fixture flat() {
        ObjectNode t = Av.NODES.objectNode().put("name", "Flat").put("hash", "pk:S");
        return new Fixture("Flat", t, List.of(Av.item("pk", Av.s("a"), "v", Av.n("1"))));
    }

    /** The n-th key value of a key type: {@code k1}, {@code 1} or the bytes of {@code k1}. */
    static ObjectNode key(String type, int n) {
        return switch (type) {
            case "S" -> Av.s("k" + n);
            case "N" -> Av.n(Integer.toString(n));
            case "B" -> Av.b("k" + n);
            default -> throw new IllegalArgumentException("key type " + type);
        };
    }
}
