package dev.jdbcdynamo.api;

import java.sql.SQLException;

/**
 * What a jdbc:dynamo ResultSet offers beyond JDBC; reach it with
 * {@code rs.unwrap(DynamoResultSet.class)}.
 */
public interface DynamoResultSet {

    /**
     * The current row's item as DynamoDB JSON ({@code {"id":{"S":"a"},"n":{"N":"1.5"}}}): exactly
     * the item DynamoDB's ExecuteStatement would return, with every attribute and type, including
     * those that have no column.
     */
    String itemJson() throws SQLException;
}
