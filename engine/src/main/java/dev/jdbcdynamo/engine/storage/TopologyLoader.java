package dev.jdbcdynamo.engine.storage;

import dev.jdbcdynamo.planner.error.DynamoException;
import dev.jdbcdynamo.planner.error.ErrorCode;
import dev.jdbcdynamo.sharding.topology.Topology;
import dev.jdbcdynamo.sharding.topology.TopologyException;
import dev.jdbcdynamo.sharding.topology.TopologyFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Loads the topology file a {@code jdbc:dynamo:config=} URL names, from the file system or (with
 * {@code classpath:}) from the class path, and decides the credentials: JDBC properties win over
 * the file, so a file need never hold a password.
 */
final class TopologyLoader {
    private static final String CLASSPATH = "classpath:";

    private TopologyLoader() {
    }

    /** The parsed file; an unusable file is an 08001 error naming the line. */
    static Topology load(String target) {
        try {
            if (target.startsWith(CLASSPATH)) {
                String resource = target.substring(CLASSPATH.length()).replaceFirst("^/", "");
                ClassLoader loader = Thread.currentThread().getContextClassLoader();
                if (loader == null) {
                    loader = TopologyLoader.class.getClassLoader();
                }
                try (InputStream in = loader.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw ErrorCode.INVALID_URL.error("Topology file " + target + " is not on the class path");
                    }
                    return TopologyFile.parse(target, new String(in.readAllBytes(), StandardCharsets.UTF_8), System::getenv);
                }
            }
            return TopologyFile.read(Path.of(target));
        } catch (TopologyException e) {
            throw new DynamoException(ErrorCode.INVALID_URL, "Invalid topology file " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DynamoException(ErrorCode.INVALID_URL, "Cannot read topology file " + target + ": " + e.getMessage(), e);
        }
    }

    /** The user: the configuration's (the JDBC property), else the file's, else none. */
    static String user(Topology topology, String user) {
        return user != null ? user : topology.user().orElse(null);
    }

    /** The password: the configuration's (the JDBC property), else the file's, else none. */
    static String password(Topology topology, String password) {
        return password != null ? password : topology.password().orElse(null);
    }
}
