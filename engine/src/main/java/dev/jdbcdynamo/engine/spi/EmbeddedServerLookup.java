package dev.jdbcdynamo.engine.spi;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the {@link EmbeddedServers} provider on the class path, or says which artifact to add. */
public final class EmbeddedServerLookup {
    /** The Maven coordinates of the provider, named in the error when it is missing. */
    public static final String ARTIFACT = "dev.jdbcdynamo:jdbc-dynamo-embedded";

    private static volatile EmbeddedServers found;

    private EmbeddedServerLookup() {
    }

    /** The provider; a CONNECTION_FAILED error naming the artifact when none is on the class path. */
    public static EmbeddedServers servers() {
        EmbeddedServers servers = found;
        if (servers != null) {
            return servers;
        }
        synchronized (EmbeddedServerLookup.class) {
            if (found == null) {
                // The engine's own loader first: in a tool's class loader the context loader may not see it.
                found = load(EmbeddedServerLookup.class.getClassLoader(), Thread.currentThread().getContextClassLoader());
            }
            return found;
        }
    }

    /** The first provider the class loaders see, in order. */
    static EmbeddedServers load(ClassLoader... loaders) {
        for (ClassLoader loader : loaders) {
            if (loader == null) {
                continue;
            }
            Iterator<EmbeddedServers> it = ServiceLoader.load(EmbeddedServers.class, loader).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    return it.next();
                } catch (ServiceConfigurationError e) {
                    // A provider that another class loader sees (the context loader of a host that has
                    // its own copy of jdbc:dynamo) implements another copy of this interface: not ours.
                }
            }
        }
        throw ErrorCode.CONNECTION_FAILED.error("jdbc:dynamo:mem: and jdbc:dynamo:embedded: databases need the "
                + "embedded MariaDB: add the artifact " + ARTIFACT + " (same version as the driver) to the class "
                + "path, or use jdbc:dynamo:mysql://... or jdbc:dynamo:config=... with your own servers");
    }
}
