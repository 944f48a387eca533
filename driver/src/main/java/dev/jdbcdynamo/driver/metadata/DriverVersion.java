package dev.jdbcdynamo.driver.metadata;

/** The driver's version, as both {@code Driver} and {@code DatabaseMetaData} report it. */
public final class DriverVersion {
    public static final int MAJOR = 0;
    public static final int MINOR = 1;
    public static final String TEXT = "0.1.0";

    private DriverVersion() {
    }
}
