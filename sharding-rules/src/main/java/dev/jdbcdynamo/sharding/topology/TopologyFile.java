package dev.jdbcdynamo.sharding.topology;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a topology file (YAML) into a {@link Topology}, reporting every mistake with its line.
 *
 * <pre>
 * user: ${DYNAMO_USER}            # optional; ${NAME} and ${NAME:-default} read the environment
 * password: ${DYNAMO_PASSWORD}    # optional; JDBC properties user/password win over the file
 * poolSize: 10                    # optional default for every shard
 * replicaMaxLagSeconds: 5         # optional; a replica further behind is skipped
 * shards:
 *   - name: ds_0
 *     url: jdbc:mysql://db0.example.com:3306/dynamo
 *     replicas: [jdbc:mysql://db0-replica.example.com:3306/dynamo]
 *   - name: ds_1
 *     url: jdbc:mysql://db1.example.com:3306/dynamo
 *     poolSize: 20
 * </pre>
 *
 * <p>The tree is read with SnakeYAML's composer (no object construction, so no type tags run)
 * and checked by hand, so that an unknown key, a missing URL or a bad number names its line.
 */
public final class TopologyFile {
    private static final Pattern SHARD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:mysql://[^/\\s]+/[A-Za-z0-9_$]+(\\?\\S*)?");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(:-([^}]*))?}");
    private static final Set<String> TOP_KEYS = Set.of("user", "password", "poolSize", "replicaMaxLagSeconds", "shards");
    private static final Set<String> SHARD_KEYS = Set.of("name", "url", "poolSize", "replicas");
    static final int DEFAULT_POOL_SIZE = 10;
    static final int DEFAULT_REPLICA_MAX_LAG_SECONDS = 5;

    private final String source;
    private final Function<String, String> environment;

    private TopologyFile(String source, Function<String, String> environment) {
        this.source = requireNonNull(source, "source is null");
        this.environment = requireNonNull(environment, "environment is null");
    }

    /** Reads a file, with {@code ${NAME}} taken from the process environment. */
    public static Topology read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TopologyException(file.toString(), 0, "cannot read the topology file: " + e.getMessage());
        }
        return parse(file.toString(), text, System::getenv);
    }

    /**
     * Parses topology text.
     *
     * @param source what to call the text in messages (its file name)
     * @param environment the value of an environment variable, or null when it is not set
     * @throws TopologyException naming the line and the mistake
     */
    public static Topology parse(String source, String text, Function<String, String> environment) {
        return new TopologyFile(source, environment).parse(new StringReader(requireNonNull(text, "text is null")));
    }

    private Topology parse(Reader reader) {
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new TopologyException(source, line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException | UncheckedIOException e) {
            throw new TopologyException(source, 0, "not valid YAML: " + e.getMessage());
        }
        if (root == null) {
            throw new TopologyException(source, 0, "the file is empty; it needs at least 'shards:'");
        }
        MappingNode top = mapping(root, "the file");
        Map<String, NodeTuple> keys = keys(top, TOP_KEYS, "at the top level");
        Optional<String> user = optionalScalar(keys.get("user"));
        Optional<String> password = optionalScalar(keys.get("password"));
        int poolSize = optionalInt(keys.get("poolSize"), DEFAULT_POOL_SIZE, 1, 1000);
        int lag = optionalInt(keys.get("replicaMaxLagSeconds"), DEFAULT_REPLICA_MAX_LAG_SECONDS, 0, 86_400);
        NodeTuple shardsEntry = keys.get("shards");
        if (shardsEntry == null) {
            throw new TopologyException(source, line(top), "missing 'shards:' (a list of shards with name and url)");
        }
        if (!(shardsEntry.getValueNode() instanceof SequenceNode list) || list.getValue().isEmpty()) {
            throw new TopologyException(source, line(shardsEntry.getValueNode()),
                    "'shards' must be a non-empty list of shards ('- name: ...' lines)");
        }
        List<Topology.ShardSpec> shards = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> urls = new HashSet<>();
        for (Node node : list.getValue()) {
            Topology.ShardSpec shard = shard(node, poolSize);
            if (!names.add(shard.name())) {
                throw new TopologyException(source, line(node), "shard name '" + shard.name() + "' is used twice");
            }
            for (String url : concat(shard.url(), shard.replicas())) {
                if (!urls.add(withoutQuery(url))) {
                    throw new TopologyException(source, line(node), "database " + withoutQuery(url) + " is named twice");
                }
            }
            shards.add(shard);
        }
        return new Topology(shards, user, password, lag);
    }

    private Topology.ShardSpec shard(Node node, int defaultPoolSize) {
        MappingNode map = mapping(node, "a shard");
        Map<String, NodeTuple> keys = keys(map, SHARD_KEYS, "in a shard");
        NodeTuple nameEntry = keys.get("name");
        if (nameEntry == null) {
            throw new TopologyException(source, line(map), "a shard needs 'name:'");
        }
        String name = scalar(nameEntry.getValueNode(), "name");
        if (!SHARD_NAME.matcher(name).matches()) {
            throw new TopologyException(source, line(nameEntry.getValueNode()), "shard name '" + name
                    + "' must be a letter then up to 63 letters, digits, '_' or '-'");
        }
        NodeTuple urlEntry = keys.get("url");
        if (urlEntry == null) {
            throw new TopologyException(source, line(map), "shard '" + name + "' needs 'url:' (its primary's JDBC URL)");
        }
        String url = jdbcUrl(urlEntry.getValueNode(), name);
        int poolSize = optionalInt(keys.get("poolSize"), defaultPoolSize, 1, 1000);
        List<String> replicas = new ArrayList<>();
        NodeTuple replicasEntry = keys.get("replicas");
        if (replicasEntry != null) {
            if (!(replicasEntry.getValueNode() instanceof SequenceNode list)) {
                throw new TopologyException(source, line(replicasEntry.getValueNode()),
                        "'replicas' of shard '" + name + "' must be a list of JDBC URLs");
            }
            for (Node replica : list.getValue()) {
                replicas.add(jdbcUrl(replica, name));
            }
        }
        return new Topology.ShardSpec(name, url, poolSize, replicas);
    }

    private String jdbcUrl(Node node, String shard) {
        String url = scalar(node, "url");
        if (!JDBC_URL.matcher(url).matches()) {
            throw new TopologyException(source, line(node), "shard '" + shard + "': '" + url
                    + "' is not a JDBC URL of the form jdbc:mysql://host[:port]/database");
        }
        if (url.matches("(?i).*[?&]password=.*")) {
            throw new TopologyException(source, line(node), "shard '" + shard
                    + "': do not write a password in a URL; use 'password: ${ENV_VAR}' or the JDBC property");
        }
        return url;
    }

    private MappingNode mapping(Node node, String what) {
        if (node instanceof MappingNode map) {
            return map;
        }
        throw new TopologyException(source, line(node), what + " must be a mapping of 'key: value' lines");
    }

    private Map<String, NodeTuple> keys(MappingNode map, Set<String> allowed, String where) {
        Map<String, NodeTuple> result = new java.util.LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                throw new TopologyException(source, line(tuple.getKeyNode()), "unknown key '" + key + "' " + where
                        + "; expected one of " + new java.util.TreeSet<>(allowed));
            }
            if (result.put(key, tuple) != null) {
                throw new TopologyException(source, line(tuple.getKeyNode()), "key '" + key + "' is given twice");
            }
        }
        return result;
    }

    private String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
            throw new TopologyException(source, line(node), "'" + what + "' must be a single non-empty value");
        }
        return substitute(s.getValue().trim(), line(node));
    }

    private Optional<String> optionalScalar(NodeTuple entry) {
        if (entry == null) {
            return Optional.empty();
        }
        String key = ((ScalarNode) entry.getKeyNode()).getValue();
        return Optional.of(scalar(entry.getValueNode(), key));
    }

    private int optionalInt(NodeTuple entry, int defaultValue, int min, int max) {
        if (entry == null) {
            return defaultValue;
        }
        String key = ((ScalarNode) entry.getKeyNode()).getValue();
        String text = scalar(entry.getValueNode(), key);
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TopologyException(source, line(entry.getValueNode()), "'" + key + "' must be a whole number from "
                + min + " to " + max + ", not '" + text + "'");
    }

    /** Replaces {@code ${NAME}} and {@code ${NAME:-default}} with the environment's values. */
    private String substitute(String value, int line) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String found = environment.apply(m.group(1));
            if (found == null) {
                found = m.group(3);
            }
            if (found == null) {
                throw new TopologyException(source, line, "environment variable " + m.group(1)
                        + " is not set (write ${" + m.group(1) + ":-default} for a default)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(found));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
