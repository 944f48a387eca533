package dev.jdbcdynamo.driver.conformance;

import java.util.ArrayList;
import java.util.List;

/** Runs conformance cases through one door, judges each against its recording and the expected-failure lists, and keeps the tally. */
final class ConformanceSuite implements AutoCloseable {
    /** The checked-in list of cases that fail because of a known, unfixed bug. */
    static final String KNOWN_FAILURES = "known-failures.txt";
    /** The checked-in list of cases where the {@code sql} language answers differently by design. */
    static final String SQL_DIFFERENCES = "sql-differences.txt";

    /** A case's outcome through a door. */
    enum Status {
        /** The driver gave DynamoDB's answer. */
        PASSED,
        /** The driver's answer differs and nothing lists the case: a regression or a new bug. */
        FAILED,
        /** The case is listed as failing and does: counted apart, not a test failure. */
        KNOWN_FAILURE,
        /** The case is listed among a door's documented differences and differs. */
        DOCUMENTED_DIFFERENCE,
        /** The case is listed as failing but passes: the list must shrink (a test failure). */
        UNEXPECTED_PASS,
        /** The answer differs where DynamoDB Local is believed to differ from the service (the case says so). */
        LOCAL_DEVIATION,
        /** The case cannot run through this door (its reason says why). */
        SKIPPED
    }

    /**
     * What happened to one case.
     *
     * @param detail the differences of a case that did not pass, the reason of a skipped or listed one, else empty
     * @param messageMismatches steps whose error message (not code) differs from DynamoDB's
     */
    record Verdict(String name, Status status, String detail, List<String> messageMismatches) {
        /** True for the outcomes that make the run fail. */
        boolean unexpected() {
            return status == Status.FAILED || status == Status.UNEXPECTED_PASS;
        }
    }

    private final Door door;
    private final List<ExpectedFailures> lists;
    private final List<Verdict> verdicts = new ArrayList<>();
    /** Time spent running this door's cases (the doors run one after the other in one JVM). */
    private long nanos;

    ConformanceSuite(Door door, List<ExpectedFailures> lists) {
        this.door = door;
        this.lists = List.copyOf(lists);
    }

    /** A suite for a door with the checked-in lists of the test resources. */
    static ConformanceSuite withCheckedInLists(Door door) {
        return new ConformanceSuite(door, List.of(ExpectedFailures.resource(KNOWN_FAILURES, false),
                ExpectedFailures.resource(SQL_DIFFERENCES, true)));
    }

    Door door() {
        return door;
    }

    /** Runs one case through the door, compares its answers and counts the outcome. */
    synchronized Verdict run(ConformanceCase c) {
        long start = System.nanoTime();
        Verdict verdict = judge(c, compare(c));
        nanos += System.nanoTime() - start;
        verdicts.add(verdict);
        return verdict;
    }

    private Verdict compare(ConformanceCase c) {
        try {
            CaseRunner.Output output = door.run(c);
            if (output.skipReason() != null) {
                return new Verdict(c.name(), Status.SKIPPED, output.skipReason(), List.of());
            }
            if (output.setupError() != null) {
                return new Verdict(c.name(), Status.FAILED, output.setupError(), List.of());
            }
            ExpectedComparator.Result result = ExpectedComparator.compare(c.expected(), output.lines());
            return new Verdict(c.name(), result.passed() ? Status.PASSED : Status.FAILED,
                    String.join(" | ", result.differences()), result.messageMismatches());
        } catch (Exception e) {
            return new Verdict(c.name(), Status.FAILED, "cannot run: " + CaseRunner.describe(e), List.of());
        }
    }

    /** Applies the lists: a listed case must fail; a case marked as a DynamoDB Local deviation may differ. */
    private Verdict judge(ConformanceCase c, Verdict raw) {
        ExpectedFailures.Entry listed = null;
        ExpectedFailures list = null;
        for (ExpectedFailures l : lists) {
            listed = l.find(door.name(), c.name()).orElse(null);
            if (listed != null) {
                list = l;
                break;
            }
        }
        Status listedStatus = list != null && list.documented() ? Status.DOCUMENTED_DIFFERENCE : Status.KNOWN_FAILURE;
        return switch (raw.status()) {
            case FAILED -> listed != null
                    ? new Verdict(c.name(), listedStatus, listed.reason() + " -- " + raw.detail(), raw.messageMismatches())
                    : c.deviation() != null
                    ? new Verdict(c.name(), Status.LOCAL_DEVIATION, c.deviation() + " -- " + raw.detail(), raw.messageMismatches())
                    : raw;
            case PASSED -> listed != null
                    ? new Verdict(c.name(), Status.UNEXPECTED_PASS, "listed (" + listed.reason()
                            + ") but passes: remove it from the list", raw.messageMismatches())
                    : raw;
            default -> raw;
        };
    }

    synchronized long count(Status status) {
        return verdicts.stream().filter(v -> v.status() == status).count();
    }

    synchronized List<Verdict> verdicts() {
        return List.copyOf(verdicts);
    }

    synchronized long messageMismatches() {
        return verdicts.stream().mapToLong(v -> v.messageMismatches().size()).sum();
    }

    /**
     * {@code conformance <door>: N passed, N failed, N skipped, N known failures, N documented differences, N unexpectedly passing,
     * N DynamoDB Local deviations (Ns)}; failed counts only the unlisted failures.
     */
    synchronized String summary() {
        long seconds = Math.round(nanos / 1e9);
        return "conformance " + door.name() + ": " + count(Status.PASSED) + " passed, " + count(Status.FAILED) + " failed, "
                + count(Status.SKIPPED) + " skipped, " + count(Status.KNOWN_FAILURE) + " known failures, "
                + count(Status.DOCUMENTED_DIFFERENCE) + " documented differences, "
                + count(Status.UNEXPECTED_PASS) + " unexpectedly passing, " + count(Status.LOCAL_DEVIATION)
                + " DynamoDB Local deviations (" + seconds + "s)";
    }

    /** The lines that follow the summary: every case that did not simply pass, with why. */
    synchronized List<String> details() {
        List<String> out = new ArrayList<>();
        for (Verdict v : verdicts) {
            String head = switch (v.status()) {
                case PASSED -> null;
                case FAILED -> "FAIL";
                case UNEXPECTED_PASS -> "UNEXPECTED PASS";
                case KNOWN_FAILURE -> "known failure";
                case DOCUMENTED_DIFFERENCE -> "documented difference";
                case LOCAL_DEVIATION -> "local deviation";
                case SKIPPED -> "skipped";
            };
            if (head != null) {
                out.add("  " + head + " [" + door.name() + "] " + v.name() + ": " + v.detail());
            }
        }
        return out;
    }

    /** The notes that go with the summary: what is not compared, and how many messages differ. */
    synchronized String notes() {
        return messageMismatches() + " error message(s) differ from DynamoDB's with the right error code (not failures);"
                + " not compared: pages (a step's limit is not passed to the driver)";
    }

    @Override
    public void close() throws Exception {
        door.close();
    }
}
