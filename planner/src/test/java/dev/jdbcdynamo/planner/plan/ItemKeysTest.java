package dev.jdbcdynamo.planner.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.catalog.KeyAttribute;
import dev.jdbcdynamo.planner.catalog.KeyType;
import dev.jdbcdynamo.planner.catalog.TableDef;
import dev.jdbcdynamo.planner.value.AttributeValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keys for reads and writes: a key too long to be stored is refused in a write, matches nothing in a read. */
class ItemKeysTest {
    private static final TableDef TABLE = new TableDef(1, "T", new KeyAttribute("pk", KeyType.S),
            new KeyAttribute("sk", KeyType.S), List.of(), List.of(), 1);

    private static AttributeValue s(int length) {
        return new AttributeValue.S("k".repeat(length));
    }

    @Test
    void aReadByAKeyTooLongMatchesNothing() {
        assertThat(ItemKeys.forRead(TABLE, s(2), s(1024))).isNotNull();
        assertThat(ItemKeys.forRead(TABLE, s(2), s(1025))).isNull();
        assertThat(ItemKeys.forRead(TABLE, s(2049), s(2))).isNull();
        assertThat(ItemKeys.forRead(TABLE, s(2049), null)).isNotNull();
    }

    @Test
    void aWriteOfAKeyTooLongIsRefused() {
        assertThatThrownBy(() -> ItemKeys.ofValues(TABLE, s(2), s(1025)))
                .hasMessageContaining("range keys has exceeded the size limit of 1024 bytes");
    }
}
