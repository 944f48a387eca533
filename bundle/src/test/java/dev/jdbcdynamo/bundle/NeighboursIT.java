package dev.jdbcdynamo.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar beside an application's own Spring 6, Jackson and Guava of other versions, all on
 * one class path with the application's jars first (as a Spring Boot or plain application has them):
 * the application runs with its versions, and the driver with its own (relocated) copies.
 */
class NeighboursIT {
    @Test
    void theShadedJarLivesBesideOtherSpringJacksonAndGuavaVersions() throws Exception {
        Path dir = Files.createDirectories(BundleJar.workDir().resolve("neighbours"));
        Path classes = Path.of(NeighboursMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path neighbours = Path.of(System.getProperty("neighbours.dir"));
        List<Path> jars;
        try (Stream<Path> files = Files.list(neighbours)) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        assertThat(jars).extracting(p -> p.getFileName().toString())
                .anyMatch(n -> n.startsWith("spring-jdbc-6.1."))
                .anyMatch(n -> n.startsWith("jackson-databind-2.17."))
                .anyMatch(n -> n.startsWith("guava-32."));
        String classpath = classes + File.pathSeparator
                + jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        Path log = dir.resolve("neighbours.log");
        int exit = BundleJar.runJava(classpath, log, NeighboursMain.class.getName(),
                List.of("jdbc:dynamo:mem:neighbours"));
        String output = Files.readString(log);
        assertThat(exit).as(output).isZero();
        assertThat(output).as(output)
                .contains("spring=6.1.")
                .contains("jackson=2.17.")
                .containsPattern("guava=.*guava-32\\.")
                .contains("rows=[{\"id\":\"b\",\"n\":2,");
    }

    @Test
    void theShadedJarCarriesNoSpringJacksonOrGuavaUnderTheirOwnNames() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(BundleJar.jar().toFile())) {
            List<String> clashing = jar.stream().map(java.util.jar.JarEntry::getName)
                    .filter(n -> n.endsWith(".class"))
                    .filter(n -> n.startsWith("org/springframework/") || n.startsWith("com/fasterxml/jackson/")
                            || n.startsWith("com/google/common/"))
                    .limit(5).toList();
            assertThat(clashing).as("classes an application may hold in another version").isEmpty();
        }
    }
}
