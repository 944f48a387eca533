package dev.jdbcdynamo.api;

/**
 * Transaction controls beyond JDBC: {@code connection.unwrap(DynamoTransactions.class)}.
 */
public interface DynamoTransactions {

    /**
     * DynamoDB's ClientRequestToken (1 to 36 characters) for the next {@code commit()} of this
     * connection: a commit of the same statements with the same token within 10 minutes applies
     * once, however often it is retried (a retry after a lost answer is safe). The same token with
     * different statements fails with {@code IdempotentParameterMismatchException}. The token is
     * used by one commit (or rollback) and then cleared; null clears it.
     */
    void setClientRequestToken(String token) throws java.sql.SQLException;
}
