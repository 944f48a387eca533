package dev.jdbcdynamo.engine.tx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs independent per-shard tasks of one request side by side: the first on the caller's thread. */
final class SideBySide {
    private SideBySide() {
    }

    /** Runs every task and returns when all have finished (an interrupt is kept, not lost). */
    static void runAll(ExecutorService executor, List<Runnable> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        List<Future<?>> others = new ArrayList<>();
        for (int t = 1; t < tasks.size(); t++) {
            others.add(executor.submit(tasks.get(t)));
        }
        tasks.get(0).run();
        boolean interrupted = false;
        for (Future<?> f : others) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("A shard's part of the request failed unexpectedly", e.getCause());
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
