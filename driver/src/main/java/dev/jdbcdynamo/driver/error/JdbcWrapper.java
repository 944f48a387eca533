package dev.jdbcdynamo.driver.error;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@code unwrap}/{@code isWrapperFor} for every JDBC object of this driver: none wraps another
 * object, so each unwraps only to what it is itself, and any other interface is refused (0A000).
 */
public interface JdbcWrapper extends Wrapper {

    @Override
    default <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw DynamoErrors.unsupported("unwrap to " + iface.getName());
    }

    @Override
    default boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
