package dev.jdbcdynamo.sharding;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An immutable consistent-hash ring that assigns every kid to one shard through virtual nodes.
 *
 * <p>Each shard {@code s} has {@code V} virtual nodes; node {@code i} (0 &lt;= i &lt; V) sits at
 * the point {@code h1(MurmurHash3_x64_128(seed 0, UTF-8 bytes of s + "#" + i))}, the function of
 * {@link KeyspaceId} without a type tag. A kid belongs to the node at the first point
 * {@code >= kid} in signed {@code long} order; kids above the last point wrap around to the first
 * point. Should two nodes share a point, the node of the smaller shard name (then the smaller
 * {@code i}) keeps it. The ring is therefore a pure function of the set of shard names and
 * {@code V}, which is exactly what {@link #toText()} writes down.
 */
public final class HashRing {
    /** Virtual nodes per shard unless told otherwise. */
    public static final int DEFAULT_VIRTUAL_NODES = 128;

    static final int MAX_VIRTUAL_NODES = 4096;

    private static final Pattern SHARD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final String TEXT_PREFIX = "ring:v1;hash=murmur3_x64_128_seed0_h1;vnodes=";
    private static final String SHARDS_KEY = ";shards=";

    private final List<String> shards;
    private final int virtualNodes;
    /** Points of the virtual nodes, strictly ascending. */
    private final long[] points;
    /** {@code owners[i]} is the index in {@link #shards} of the node at {@code points[i]}. */
    private final int[] owners;

    private HashRing(List<String> sortedShards, int virtualNodes) {
        this.shards = sortedShards;
        this.virtualNodes = virtualNodes;
        List<Node> nodes = new ArrayList<>(sortedShards.size() * virtualNodes);
        for (int s = 0; s < sortedShards.size(); s++) {
            for (int i = 0; i < virtualNodes; i++) {
                nodes.add(new Node(pointOf(sortedShards.get(s), i), s, i));
            }
        }
        nodes.sort(Comparator.comparingLong(Node::point).thenComparingInt(Node::shard).thenComparingInt(Node::index));
        long[] p = new long[nodes.size()];
        int[] o = new int[nodes.size()];
        int n = 0;
        for (Node node : nodes) {
            if (n > 0 && p[n - 1] == node.point()) {
                continue;
            }
            p[n] = node.point();
            o[n] = node.shard();
            n++;
        }
        this.points = Arrays.copyOf(p, n);
        this.owners = Arrays.copyOf(o, n);
    }

    /** A ring over the given shard names with {@link #DEFAULT_VIRTUAL_NODES} nodes each. */
    public static HashRing of(Collection<String> shardNames) {
        return of(shardNames, DEFAULT_VIRTUAL_NODES);
    }

    /**
     * A ring over the given shard names (in any order) with {@code virtualNodes} nodes each.
     *
     * @throws IllegalArgumentException when there is no shard, a name repeats or is not
     *     {@code [A-Za-z][A-Za-z0-9_-]{0,63}}, or {@code virtualNodes} is not in 1..4096
     */
    public static HashRing of(Collection<String> shardNames, int virtualNodes) {
        requireNonNull(shardNames, "shardNames is null");
        if (virtualNodes < 1 || virtualNodes > MAX_VIRTUAL_NODES) {
            throw new IllegalArgumentException("virtual nodes per shard must be 1.." + MAX_VIRTUAL_NODES + ", got " + virtualNodes);
        }
        if (shardNames.isEmpty()) {
            throw new IllegalArgumentException("a ring needs at least one shard");
        }
        TreeSet<String> sorted = new TreeSet<>();
        for (String name : shardNames) {
            requireNonNull(name, "shard name is null");
            if (!SHARD_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid shard name '" + name + "': expected [A-Za-z][A-Za-z0-9_-]{0,63}");
            }
            if (!sorted.add(name)) {
                throw new IllegalArgumentException("duplicate shard name '" + name + "'");
            }
        }
        return new HashRing(List.copyOf(sorted), virtualNodes);
    }

    /**
     * Reads the text that {@link #toText()} wrote; only that canonical form is accepted, so two
     * rings are equal exactly when their texts are equal.
     *
     * @throws IllegalArgumentException when the text is not a canonical ring text
     */
    public static HashRing parse(String text) {
        requireNonNull(text, "ring text is null");
        int shardsAt = text.indexOf(SHARDS_KEY);
        if (!text.startsWith(TEXT_PREFIX) || shardsAt < 0) {
            throw invalidText(text, "expected '" + TEXT_PREFIX + "<n>" + SHARDS_KEY + "<name>,<name>...'");
        }
        String vnodes = text.substring(TEXT_PREFIX.length(), shardsAt);
        if (!vnodes.matches("[1-9][0-9]{0,3}")) {
            throw invalidText(text, "bad vnodes '" + vnodes + "'");
        }
        List<String> names = Arrays.asList(text.substring(shardsAt + SHARDS_KEY.length()).split(",", -1));
        HashRing ring;
        try {
            ring = of(names, Integer.parseInt(vnodes));
        } catch (IllegalArgumentException e) {
            throw invalidText(text, e.getMessage());
        }
        if (!ring.shards.equals(names)) {
            throw invalidText(text, "shard names must be listed in ascending order");
        }
        return ring;
    }

    private static IllegalArgumentException invalidText(String text, String why) {
        return new IllegalArgumentException("invalid ring text '" + text + "': " + why);
    }

    static long pointOf(String shardName, int index) {
        return KeyspaceId.hash((shardName + "#" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** The canonical text of the ring, e.g. {@code ring:v1;hash=murmur3_x64_128_seed0_h1;vnodes=128;shards=ds_0,ds_1}. */
    public String toText() {
        return TEXT_PREFIX + virtualNodes + SHARDS_KEY + String.join(",", shards);
    }

    /** The shard names in ascending order. */
    public List<String> shards() {
        return shards;
    }

    public int virtualNodes() {
        return virtualNodes;
    }

    /** The shard that owns {@code kid}. */
    public String shardFor(long kid) {
        return shards.get(owners[nodeIndex(kid)]);
    }

    /**
     * The shards that own at least one kid of {@code [fromInclusive, toInclusive]}, in the order of
     * {@link #shards()}; empty when {@code fromInclusive > toInclusive}.
     */
    public Set<String> shardsFor(long fromInclusive, long toInclusive) {
        if (fromInclusive > toInclusive) {
            return Set.of();
        }
        boolean[] hit = new boolean[shards.size()];
        int hits = 0;
        int first = ceilingIndex(fromInclusive);
        int last = ceilingIndex(toInclusive);
        if (last == points.length) {
            hit[owners[0]] = true;
            hits++;
        }
        for (int i = first; i < Math.min(last + 1, points.length) && hits < hit.length; i++) {
            if (!hit[owners[i]]) {
                hit[owners[i]] = true;
                hits++;
            }
        }
        Set<String> result = new LinkedHashSet<>();
        for (int s = 0; s < hit.length; s++) {
            if (hit[s]) {
                result.add(shards.get(s));
            }
        }
        return Collections.unmodifiableSet(result);
    }

    /**
     * Per shard (in the order of {@link #shards()}): how many contiguous kid ranges it owns and
     * which share of the 2^64 kids they cover.
     */
    public Map<String, Ownership> ownership() {
        int[] ranges = new int[shards.size()];
        double[] share = new double[shards.size()];
        int n = points.length;
        for (int i = 0; i < n; i++) {
            // Node i owns (points[i-1], points[i]]; node 0 also owns the wrap-around above the last point.
            double span = i == 0 ? (double) points[0] - Long.MIN_VALUE + 1 + ((double) Long.MAX_VALUE - points[n - 1])
                    : (double) points[i] - points[i - 1];
            share[owners[i]] += span / 0x1p64;
            boolean continuesPrevious = owners[i] == owners[(i - 1 + n) % n] && n > 1;
            if (!continuesPrevious) {
                ranges[owners[i]]++;
            }
        }
        Map<String, Ownership> result = new LinkedHashMap<>();
        for (int s = 0; s < shards.size(); s++) {
            result.put(shards.get(s), new Ownership(Math.max(ranges[s], 1), share[s]));
        }
        return Collections.unmodifiableMap(result);
    }

    /** What one shard owns: contiguous kid ranges and their share of the keyspace. */
    public record Ownership(int ranges, double keyspaceShare) {
    }

    /** A new ring with one more shard, same virtual nodes per shard. */
    public HashRing withShard(String name) {
        if (shards.contains(name)) {
            throw new IllegalArgumentException("shard '" + name + "' is already in the ring");
        }
        List<String> names = new ArrayList<>(shards);
        names.add(name);
        return of(names, virtualNodes);
    }

    /** A new ring without the given shard. */
    public HashRing withoutShard(String name) {
        if (!shards.contains(name)) {
            throw new IllegalArgumentException("shard '" + name + "' is not in the ring");
        }
        List<String> names = new ArrayList<>(shards);
        names.remove(name);
        return of(names, virtualNodes);
    }

    /**
     * The kid ranges whose owner differs between this ring and {@code target}, ascending in signed
     * order, adjacent ranges with the same move merged. Moving the rows of these ranges (found by
     * {@code kid BETWEEN first AND last}) turns a database laid out by this ring into one laid out
     * by {@code target}.
     */
    public List<RangeMove> movesTo(HashRing target) {
        requireNonNull(target, "target is null");
        long[] bounds = mergedPoints(points, target.points);
        List<RangeMove> moves = new ArrayList<>();
        long lo = Long.MIN_VALUE;
        for (int i = 0; i <= bounds.length; i++) {
            boolean tail = i == bounds.length;
            if (tail && bounds[bounds.length - 1] == Long.MAX_VALUE) {
                break;
            }
            long hi = tail ? Long.MAX_VALUE : bounds[i];
            String from = shardFor(hi);
            String to = target.shardFor(hi);
            if (!from.equals(to)) {
                RangeMove previous = moves.isEmpty() ? null : moves.get(moves.size() - 1);
                boolean extendsPrevious = previous != null && previous.lastKid() == lo - 1
                        && previous.fromShard().equals(from) && previous.toShard().equals(to);
                if (extendsPrevious) {
                    moves.set(moves.size() - 1, new RangeMove(previous.firstKid(), hi, from, to));
                } else {
                    moves.add(new RangeMove(lo, hi, from, to));
                }
            }
            lo = hi + 1;
        }
        return List.copyOf(moves);
    }

    private static long[] mergedPoints(long[] a, long[] b) {
        long[] result = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            long next = j == b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
            if (n == 0 || result[n - 1] != next) {
                result[n++] = next;
            }
        }
        return Arrays.copyOf(result, n);
    }

    /** Index of the first point {@code >= kid}, or {@code points.length} when there is none. */
    private int ceilingIndex(long kid) {
        int i = Arrays.binarySearch(points, kid);
        return i >= 0 ? i : -i - 1;
    }

    private int nodeIndex(long kid) {
        int i = ceilingIndex(kid);
        return i == points.length ? 0 : i;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HashRing other && virtualNodes == other.virtualNodes && shards.equals(other.shards);
    }

    @Override
    public int hashCode() {
        return 31 * shards.hashCode() + virtualNodes;
    }

    @Override
    public String toString() {
        return toText();
    }

    private record Node(long point, int shard, int index) {
    }
}
