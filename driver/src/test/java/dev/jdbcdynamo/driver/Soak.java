package dev.jdbcdynamo.driver;

/**
 * How long a soak test (tagged {@code soak}) runs: a short form in the default build, so that
 * {@code ./mvnw -B verify} stays a few minutes, and the long form under {@code -Dsoak=long}. A
 * test's own property (e.g. {@code -Dbank.seconds=N}) wins over both.
 */
public final class Soak {
    /** The JUnit tag of the soak tests: {@code -Dgroups=soak} runs only them, {@code -DexcludedGroups=soak} none. */
    public static final String TAG = "soak";

    private Soak() {
    }

    /** True under {@code -Dsoak=long}. */
    public static boolean isLong() {
        return "long".equals(System.getProperty("soak"));
    }

    /** The value of {@code -D<property>} if given, else the long or the short form's. */
    public static long length(String property, long shortForm, long longForm) {
        Long given = Long.getLong(property);
        if (given != null) {
            return given;
        }
        return isLong() ? longForm : shortForm;
    }
}
