package dev.jdbcdynamo.engine.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** The embedded servers are found through ServiceLoader; without a provider the error names the artifact. */
class EmbeddedServerLookupTest {
    @Test
    void findsTheProviderOnTheClassPath() {
        assertThat(EmbeddedServerLookup.load(getClass().getClassLoader())).isNotNull();
    }

    @Test
    void withoutTheEmbeddedModuleTheErrorNamesTheArtifact() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> EmbeddedServerLookup.load(bare, null))
                    .isInstanceOfSatisfying(DynamoException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
                        assertThat(e.getMessage()).contains("dev.jdbcdynamo:jdbc-dynamo-embedded")
                                .contains("jdbc:dynamo:mysql://");
                    });
        }
    }
}
