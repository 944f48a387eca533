package dev.jdbcdynamo.sharding;

/**
 * A straightforward MurmurHash3_x64_128, written from the algorithm's description, to check that
 * the library {@link KeyspaceId} uses computes the standard function.
 */
final class Murmur3Reference {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private Murmur3Reference() {
    }

    /** Both 64-bit halves {h1, h2} of the digest. */
    static long[] hash128(byte[] data, int seed) {
        long h1 = seed & 0xffffffffL;
        long h2 = seed & 0xffffffffL;
        int blocks = data.length / 16;
        for (int i = 0; i < blocks; i++) {
            long k1 = littleEndian(data, 16 * i, 8);
            long k2 = littleEndian(data, 16 * i + 8, 8);
            h1 ^= mixK1(k1);
            h1 = Long.rotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= mixK2(k2);
            h2 = Long.rotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = data.length - 16 * blocks;
        if (tail > 8) {
            h2 ^= mixK2(littleEndian(data, 16 * blocks + 8, tail - 8));
        }
        if (tail > 0) {
            h1 ^= mixK1(littleEndian(data, 16 * blocks, Math.min(tail, 8)));
        }
        h1 ^= data.length;
        h2 ^= data.length;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return new long[] {h1, h2};
    }

    private static long mixK1(long k1) {
        return Long.rotateLeft(k1 * C1, 31) * C2;
    }

    private static long mixK2(long k2) {
        return Long.rotateLeft(k2 * C2, 33) * C1;
    }

    private static long littleEndian(byte[] data, int offset, int length) {
        long result = 0;
        for (int i = length - 1; i >= 0; i--) {
            result = result << 8 | data[offset + i] & 0xffL;
        }
        return result;
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
