package dev.jdbcdynamo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The command line of the benchmark: a focused run names its operations and contenders. */
class BenchOptionsTest {

    @Test
    void fullRunMeasuresEverything() {
        BenchOptions o = BenchOptions.parse(new String[0]);
        assertThat(o.complete()).isTrue();
        assertThat(o.runs(Operation.TRANSACTION)).isTrue();
        assertThat(o.runs("local")).isTrue();
    }

    @Test
    void opsAndContendersSelectAPartialRun() {
        BenchOptions o = BenchOptions.parse(new String[] {"--ops", "get, Batch_Load", "--contenders", "raw,prepared"});
        assertThat(o.ops()).isEqualTo(Set.of(Operation.GET, Operation.BATCH_LOAD));
        assertThat(o.runs("prepared")).isTrue();
        assertThat(o.runs("local")).isFalse();
        assertThat(o.complete()).isFalse();
    }

    @Test
    void unknownNamesAreRefusedWithTheChoices() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--ops", "gett"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'gett'").hasMessageContaining("batch_load");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--contenders", "dynamo"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[raw, sharding, prepared, literal, local]");
    }
}
