package dev.jdbcdynamo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the whole harness in quick mode so that it cannot rot; checks the shape of the results, never timings. */
class BenchQuickTest {

    @Test
    void quickRunFillsEveryRowAndColumn() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchReport report = Harness.run(BenchOptions.quickRun(), new PrintStream(log, true, StandardCharsets.UTF_8));
        ResultTable table = report.table();

        assertThat(table.threadCounts()).containsExactly(1, 8);
        List<String> contenders = List.of(RawJdbcContender.NAME, ShardingSphereContender.NAME,
                DynamoJdbcContender.PREPARED_NAME, DynamoJdbcContender.LITERAL_NAME, DynamoLocalContender.NAME);
        assertThat(report.contenders()).containsExactlyElementsOf(contenders);
        for (int threads : List.of(1, 8)) {
            List<String> expected = new ArrayList<>();
            for (Operation op : Operation.values()) {
                if (op.planning()) {
                    expected.add(op.label(report.data()) + " / " + DynamoJdbcContender.PREPARED_NAME);
                } else {
                    contenders.forEach(c -> expected.add(op.label(report.data()) + " / " + c));
                }
            }
            List<List<String>> cells = table.cells(threads);
            assertThat(cells.stream().map(r -> r.get(0) + " / " + r.get(1)).toList())
                    .as("rows at %d thread(s)", threads)
                    .containsExactlyInAnyOrderElementsOf(expected);
            for (List<String> row : cells) {
                assertThat(row).as("row %s", row).hasSize(ResultTable.HEADER.size()).allSatisfy(cell -> assertThat(cell).isNotBlank());
            }
        }
        for (Operation op : List.of(Operation.GET, Operation.INSERT, Operation.COUNTER, Operation.QUERY,
                Operation.CONDITIONAL_FAIL, Operation.SCAN)) {
            for (String c : contenders) {
                assertThat(table.find(1, op, c)).as("%s on %s", op, c).isPresent();
            }
        }
        for (Operation op : List.of(Operation.BATCH_LOAD, Operation.TRANSACTION, Operation.TRANSACTION_CROSS)) {
            assertThat(table.find(1, op, DynamoJdbcContender.PREPARED_NAME)).as("%s", op).isPresent();
        }
        assertThat(table.find(1, Operation.GSI_QUERY, DynamoJdbcContender.PREPARED_NAME)).isEmpty();
        assertThat(table.cells(1)).anySatisfy(row -> assertThat(row).contains(DynamoJdbcContender.GSI_NOT_MEASURED));
        assertThat(report.goals()).isNotEmpty();
        assertThat(report.profiles()).isNotEmpty();

        String markdown = report.markdown();
        assertThat(markdown).contains("## Results, 1 thread", "## Results, 8 threads", "## Goals", "## Where the time goes",
                "## Not supported yet", "cores: ", "memory: ", "date: ", "DynamoDB Local: 2.6.1");
    }
}
