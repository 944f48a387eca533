package dev.jdbcdynamo.sharding;

import static java.util.Objects.requireNonNull;

import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;

/**
 * The keyspace id ({@code kid}) of a partition key: the 64-bit value every row is sharded by.
 *
 * <p>The function is fixed forever, because rows already stored, every driver instance and any
 * future resharding tool in any language must agree on it:
 *
 * <pre>
 *   kid = h1( MurmurHash3_x64_128( seed = 0, bytes = [typeTag] ++ canonicalKeyBytes ) )
 * </pre>
 *
 * <p>{@code MurmurHash3_x64_128} is Austin Appleby's reference function (the one in {@code
 * MurmurHash3.cpp}); it produces two 64-bit words {@code h1, h2}; the kid is {@code h1} as a
 * signed Java {@code long} (the first 8 bytes of the 16-byte digest read little-endian, which is
 * what Guava's {@code Hashing.murmur3_128(0).hashBytes(b).asLong()} returns). The type tag is one
 * byte chosen by the caller for the DynamoDB key type (S, N or B), so that equal bytes of
 * different types are different keys. Test vectors (tag, key bytes, kid):
 *
 * <pre>
 *   0x53 ('S'), ""                 -&gt; 0x449c22c9ba9d8f91 ( 4943864740760620945)
 *   0x53 ('S'), "hello" (UTF-8)    -&gt; 0xca5632dc7fa01aca (-3866847307435599158)
 *   0x42 ('B'), 00 01 02 .. 1f     -&gt; 0x740d4050b5e3e3e4 ( 8362410798490051556)
 * </pre>
 *
 * <p>Keys used to place the ring's virtual nodes are hashed with the same function without a
 * type tag (see {@link HashRing}).
 */
public final class KeyspaceId {
    private static final HashFunction MURMUR3_128_SEED_0 = Hashing.murmur3_128(0);

    private KeyspaceId() {
    }

    /**
     * The kid of a partition key.
     *
     * @param typeTag one byte naming the key's type, hashed before the key bytes
     * @param canonicalKeyBytes the key's canonical (order-preserving) encoding
     * @return h1 of MurmurHash3_x64_128 with seed 0 over {@code [typeTag] ++ canonicalKeyBytes}
     */
    public static long of(byte typeTag, byte[] canonicalKeyBytes) {
        requireNonNull(canonicalKeyBytes, "canonicalKeyBytes is null");
        return MURMUR3_128_SEED_0.newHasher(canonicalKeyBytes.length + 1)
                .putByte(typeTag)
                .putBytes(canonicalKeyBytes)
                .hash()
                .asLong();
    }

    /** h1 of MurmurHash3_x64_128 with seed 0 over {@code bytes}, with no type tag. */
    static long hash(byte[] bytes) {
        return MURMUR3_128_SEED_0.hashBytes(bytes).asLong();
    }
}
