package dev.jdbcdynamo.driver;

import dev.jdbcdynamo.driver.config.ConnectionProperty;
import dev.jdbcdynamo.driver.config.DynamoUrl;
import dev.jdbcdynamo.driver.error.DynamoErrors;
import dev.jdbcdynamo.driver.jdbc.DynamoConnection;
import dev.jdbcdynamo.driver.metadata.DriverVersion;
import dev.jdbcdynamo.engine.Database;
import dev.jdbcdynamo.planner.error.DynamoException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code java.sql.Driver} of jdbc:dynamo, registered with DriverManager on load and through
 * {@code META-INF/services/java.sql.Driver}. Accepts {@code jdbc:dynamo:} URLs (see {@link DynamoUrl}).
 */
public final class DynamoDriver implements Driver {
    public static final int MAJOR_VERSION = DriverVersion.MAJOR;
    public static final int MINOR_VERSION = DriverVersion.MINOR;
    public static final String VERSION = DriverVersion.TEXT;

    static {
        LibraryLogLevels.quietUnlessConfigured();
        try {
            DriverManager.registerDriver(new DynamoDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        try {
            DynamoUrl parsed = DynamoUrl.parse(url, info);
            Database database = Database.open(parsed.toConfig());
            try {
                return new DynamoConnection(database, parsed, url);
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        } catch (DynamoException e) {
            throw DynamoErrors.fromEngine(e);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return DynamoUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return ConnectionProperty.driverPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw DynamoErrors.unsupported("java.util.logging (jdbc:dynamo logs through SLF4J)");
    }
}
