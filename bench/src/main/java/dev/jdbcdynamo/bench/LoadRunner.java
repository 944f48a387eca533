package dev.jdbcdynamo.bench;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one operation on a set of sessions, one thread each, until a deadline or a per-thread call
 * limit (whichever comes first), timing every call. A call started before the deadline finishes,
 * so each thread makes at least one call.
 */
final class LoadRunner {
    private final int maxCallsPerThread;

    LoadRunner(int maxCallsPerThread) {
        this.maxCallsPerThread = maxCallsPerThread;
    }

    Statistics.Sample run(List<Contender.Session> sessions, Operation op, long durationNanos) throws Exception {
        int threads = sessions.size();
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        long[] ends = new long[threads];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[] start = new long[1];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            latencies[t] = new long[maxCallsPerThread];
            workers[t] = new Thread(() -> {
                Contender.Session session = sessions.get(index);
                long[] mine = latencies[index];
                int n = 0;
                try {
                    ready.countDown();
                    go.await();
                    long deadline = start[0] + durationNanos;
                    long now = System.nanoTime();
                    do {
                        long before = now;
                        session.run(op);
                        now = System.nanoTime();
                        mine[n++] = now - before;
                    } while (now < deadline && n < mine.length && failure.get() == null);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    counts[index] = n;
                    ends[index] = System.nanoTime();
                }
            }, "bench-" + op.name().toLowerCase() + "-" + t);
            workers[t].start();
        }
        ready.await();
        start[0] = System.nanoTime();
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        Throwable e = failure.get();
        if (e instanceof Exception ex) {
            throw ex;
        } else if (e != null) {
            throw new IllegalStateException(e);
        }
        long end = 0;
        long ops = 0;
        for (int t = 0; t < threads; t++) {
            end = Math.max(end, ends[t]);
            ops += counts[t];
        }
        return new Statistics.Sample(ops, end - start[0], Statistics.mergeSorted(latencies, counts));
    }
}
