package dev.jdbcdynamo.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.springframework.core.SpringVersion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An application with its own Spring, Jackson and Guava (other versions than the ones the driver is
 * built with) that uses jdbc:dynamo through Spring's JdbcTemplate; prints the versions it ran with
 * and the rows it read as JSON written by its own Jackson.
 */
public final class NeighboursMain {
    private NeighboursMain() {
    }

    public static void main(String[] args) throws Exception {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(args[0], true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("CREATE TABLE \"Neighbours\" (id STRING PARTITION KEY, n NUMBER)");
            for (String id : ImmutableList.of("a", "b")) {
                jdbc.update("INSERT INTO \"Neighbours\" VALUE {'id': ?, 'n': ?}", id, id.equals("a") ? 1 : 2);
            }
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT id, n FROM \"Neighbours\" WHERE id = ?", "b");
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE \"Neighbours\"");
            }
            System.out.println("spring=" + SpringVersion.getVersion());
            System.out.println("jackson=" + com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION);
            System.out.println("guava=" + ImmutableList.class.getProtectionDomain().getCodeSource().getLocation());
            System.out.println("rows=" + new ObjectMapper().writeValueAsString(rows));
        } finally {
            dataSource.destroy();
        }
    }
}
