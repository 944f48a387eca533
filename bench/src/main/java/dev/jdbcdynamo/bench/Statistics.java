package dev.jdbcdynamo.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The statistics of the results: per repetition throughput and latency percentiles, then the median and spread over repetitions. */
final class Statistics {
    private Statistics() {
    }

    /** One repetition: how many calls in how long, and every call's latency (sorted). */
    record Sample(long ops, long elapsedNanos, long[] sortedLatencies) {
        double throughput() {
            return ops * 1e9 / elapsedNanos;
        }

        double percentileMicros(double p) {
            return percentile(sortedLatencies, p) / 1e3;
        }
    }

    /** Median with the minimum and maximum over repetitions. */
    record Spread(double median, double min, double max) {
        static Spread of(List<Double> values) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = v.length;
            double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
            return new Spread(median, v[0], v[n - 1]);
        }
    }

    /** The summary of an operation on a contender: throughput in calls/s, latencies in microseconds. */
    record Measurement(Spread throughput, Spread p50Micros, Spread p99Micros, int repetitions, long calls) {
    }

    static Measurement summarize(List<Sample> repetitions) {
        if (repetitions.isEmpty()) {
            throw new IllegalArgumentException("no repetitions");
        }
        List<Double> throughput = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        long calls = 0;
        for (Sample s : repetitions) {
            throughput.add(s.throughput());
            p50.add(s.percentileMicros(0.50));
            p99.add(s.percentileMicros(0.99));
            calls += s.ops();
        }
        return new Measurement(Spread.of(throughput), Spread.of(p50), Spread.of(p99), repetitions.size(), calls);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Merges per-thread latency arrays (only their first {@code counts[i]} values) into one sorted array. */
    static long[] mergeSorted(long[][] perThread, int[] counts) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < perThread.length; t++) {
            System.arraycopy(perThread[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return all;
    }
}
