package dev.jdbcdynamo.sharding;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The kid function: its documented test vectors and agreement with an independent MurmurHash3. */
class KeyspaceIdTest {
    private static final byte S = 'S';
    private static final byte B = 'B';

    private static byte[] bytes0To31() {
        byte[] result = new byte[32];
        for (int i = 0; i < result.length; i++) {
            result[i] = (byte) i;
        }
        return result;
    }

    @Test
    void documentedTestVectors() {
        assertThat(KeyspaceId.of(S, new byte[0])).isEqualTo(0x449c22c9ba9d8f91L).isEqualTo(4943864740760620945L);
        assertThat(KeyspaceId.of(S, "hello".getBytes(UTF_8))).isEqualTo(0xca5632dc7fa01acaL).isEqualTo(-3866847307435599158L);
        assertThat(KeyspaceId.of(B, bytes0To31())).isEqualTo(0x740d4050b5e3e3e4L).isEqualTo(8362410798490051556L);
    }

    @Test
    void referenceImplementationMatchesThePublishedDigest() {
        // The widely published MurmurHash3_x64_128 digest of this sentence with seed 0.
        long[] digest = Murmur3Reference.hash128("The quick brown fox jumps over the lazy dog".getBytes(UTF_8), 0);
        assertThat(digest[0]).isEqualTo(0xe34bbc7bbc071b6cL);
        assertThat(digest[1]).isEqualTo(0x7a433ca9c49a9347L);
    }

    @Test
    void vectorsAgreeWithTheReferenceImplementation() {
        assertThat(KeyspaceId.of(S, new byte[0])).isEqualTo(reference(S, new byte[0]));
        assertThat(KeyspaceId.of(S, "hello".getBytes(UTF_8))).isEqualTo(reference(S, "hello".getBytes(UTF_8)));
        assertThat(KeyspaceId.of(B, bytes0To31())).isEqualTo(reference(B, bytes0To31()));
    }

    @Property(tries = 2000)
    void equalsTheReferenceImplementationForAnyKey(@ForAll byte typeTag, @ForAll @Size(max = 100) byte[] key) {
        assertThat(KeyspaceId.of(typeTag, key)).isEqualTo(reference(typeTag, key));
    }

    @Property(tries = 300)
    void theTypeTagSeparatesEqualBytesOfDifferentTypes(@ForAll @Size(max = 40) byte[] key) {
        assertThat(KeyspaceId.of(S, key)).isNotEqualTo(KeyspaceId.of(B, key));
    }

    @Test
    void ringPointsUseTheSameFunctionWithoutATag() {
        assertThat(HashRing.pointOf("ds_0", 0)).isEqualTo(0xfab3be67c4d995a8L)
                .isEqualTo(Murmur3Reference.hash128("ds_0#0".getBytes(UTF_8), 0)[0]);
    }

    private static long reference(byte typeTag, byte[] key) {
        byte[] tagged = new byte[key.length + 1];
        tagged[0] = typeTag;
        System.arraycopy(key, 0, tagged, 1, key.length);
        return Murmur3Reference.hash128(tagged, 0)[0];
    }
}
