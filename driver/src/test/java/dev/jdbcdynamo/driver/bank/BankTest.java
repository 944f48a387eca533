package dev.jdbcdynamo.driver.bank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdbcdynamo.driver.DynamoConnectionAccess;
import dev.jdbcdynamo.driver.Soak;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bank test: 20 accounts over 4 shards, 8 threads of random transfers, each a transaction
 * with the condition {@code balance >= amount}, for 10 seconds, 300 under {@code -Dsoak=long}
 * ({@code -Dbank.seconds=N} to choose).
 */
@Tag(Soak.TAG)
class BankTest {
    private static final long SECONDS = Soak.length("bank.seconds", 10, 300);

    @Test
    void moneyIsNeitherMadeNorLost() throws Exception {
        String url = DynamoConnectionAccess.memUrl("bank", 4);
        try (Connection c = DriverManager.getConnection(url)) {
            Bank.setUp(c);
            long started = System.nanoTime();
            Bank.Result result = Bank.run(url, 8, SECONDS * 1000, id -> { });
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Bank: %s in %.1f s (%.0f transfers/s)%n", result, seconds,
                    result.acknowledged.size() / seconds);
            assertThat(result.bad).isEmpty();
            assertThat(result.acknowledged).hasSizeGreaterThan(100);
            Bank.check(c, result.acknowledged);
            assertThat(DynamoConnectionAccess.recovery(c).inDoubt()).isEmpty();
        }
    }
}
