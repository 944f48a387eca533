package dev.jdbcdynamo.sharding.reshard;

/** Receives the progress of a resharding (the command prints it; tests record it). */
@FunctionalInterface
public interface ReshardListener {
    /**
     * @param phase the phase: PREPARE, COPY, CATCH_UP, FENCE, PUBLISH, CLEANUP, ROLLBACK, DONE
     * @param done share of the phase done, 0..1
     * @param message what happened, for a person
     */
    void progress(ReshardPhase phase, double done, String message);

    /** A listener that ignores everything. */
    static ReshardListener none() {
        return (phase, done, message) -> {
        };
    }
}
