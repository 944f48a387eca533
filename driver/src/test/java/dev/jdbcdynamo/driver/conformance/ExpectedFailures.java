package dev.jdbcdynamo.driver.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checked-in list of cases expected to fail, each with its reason: the known failures (bugs not
 * fixed yet) and the documented differences of the {@code sql} language. A line is
 * {@code [<door>:]<case id> <reason>}; without a door it holds for every door; {@code #} starts a comment.
 */
final class ExpectedFailures {
    private static final Pattern LINE = Pattern.compile("(?:([a-z]+):)?(\\S+)\\s+(\\S.*)");

    /** One listed case: the door it holds for (null = every door), the case id and why. */
    record Entry(String door, String caseId, String reason) {
    }

    private final String source;
    private final boolean documented;
    private final Map<String, Entry> entries;

    private ExpectedFailures(String source, boolean documented, Map<String, Entry> entries) {
        this.source = source;
        this.documented = documented;
        this.entries = entries;
    }

    /** True for a list of differences by design (a door's documented behaviour), false for bugs. */
    boolean documented() {
        return documented;
    }

    /** The list in the test resource {@code /conformance/<file>}; an absent resource is an empty list. */
    static ExpectedFailures resource(String file, boolean documented) {
        String path = "/conformance/" + file;
        try (InputStream in = ExpectedFailures.class.getResourceAsStream(path)) {
            if (in == null) {
                return new ExpectedFailures(file, documented, Map.of());
            }
            return parse(file, documented, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExpectedFailures parse(String source, boolean documented, String text) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected '[<door>:]<case id> <reason>'");
            }
            Entry e = new Entry(m.group(1), m.group(2), m.group(3));
            if (entries.putIfAbsent(key(e.door(), e.caseId()), e) != null) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + line + " is listed twice");
            }
        }
        return new ExpectedFailures(source, documented, entries);
    }

    private static String key(String door, String caseId) {
        return (door == null ? "*" : door) + ":" + caseId;
    }

    /** The entry for a case through a door: the door's own, else the one for every door. */
    Optional<Entry> find(String door, String caseId) {
        Entry own = entries.get(key(door, caseId));
        return Optional.ofNullable(own != null ? own : entries.get(key(null, caseId)));
    }

    /** The listed ids that name no case (a renamed or removed case must leave the list too). */
    List<String> unknownIds(Collection<String> caseIds) {
        List<String> unknown = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (!caseIds.contains(e.caseId())) {
                unknown.add(source + ": " + e.caseId());
            }
        }
        return unknown;
    }
}
