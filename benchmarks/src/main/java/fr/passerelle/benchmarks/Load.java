package fr.passerelle.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: a fixed number of client threads, each sending its next call when the last one answered,
 * for a time or for a number of calls. Every loop is bounded in time and count.
 */
final class Load {

    private static final int MAX_CALLS_PER_THREAD = 2_000_000;
    private static final long MAX_NANOS = 15L * 60 * 1_000_000_000;

    /** One call; true when the answer is the expected one. */
    interface Task {
        boolean call() throws Exception;
    }

    private Load() {
    }

    static Result forSeconds(int seconds, int threads, Task task, ServerProcess server) throws Exception {
        return run(threads, seconds * 1_000_000_000L, Integer.MAX_VALUE, task, server);
    }

    static Result forCalls(int calls, int threads, Task task, ServerProcess server) throws Exception {
        return run(threads, MAX_NANOS, calls, task, server);
    }

    private static Result run(int threads, long nanos, int calls, Task task, ServerProcess server) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger started = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        double cpuBefore = server.cpuSeconds();
        long begin = System.nanoTime();
        long end = begin + nanos;
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int count = 0;
                while (count < MAX_CALLS_PER_THREAD && System.nanoTime() < end && started.getAndIncrement() < calls) {
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        ok = task.call();
                    } catch (Exception | AssertionError e) {
                        ok = false;
                        firstError.compareAndSet(null, e.toString());
                    }
                    long elapsed = System.nanoTime() - start;
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, latencies.length * 2);
                    }
                    latencies[count++] = elapsed;
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        List<long[]> perThread = new ArrayList<>();
        for (Future<long[]> future : futures) {
            perThread.add(future.get());
        }
        double elapsedSeconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        double cpu = server.cpuSeconds() - cpuBefore;
        long[] all = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (firstError.get() != null) {
            System.out.println("  first error: " + firstError.get().lines().limit(3).reduce("", (a, b) -> a + " " + b));
        }
        return result(all, errors.get(), elapsedSeconds, cpu, server.rssMiB());
    }

    /** Sums up latencies (nanoseconds, any order) of calls made over {@code elapsedSeconds} with {@code cpu} server seconds. */
    static Result result(long[] latencies, long errors, double elapsedSeconds, double cpu, double rssMiB) {
        long[] all = latencies.clone();
        Arrays.sort(all);
        return new Result(all.length / elapsedSeconds, percentile(all, 0.50), percentile(all, 0.95), percentile(all, 0.99),
                errors, all.length, 100.0 * cpu / elapsedSeconds, all.length == 0 ? Double.NaN : 1000.0 * cpu / all.length, rssMiB);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1_000_000.0;
    }

    /**
     * @param cpuPercent    server CPU over the round, in % of one core (200 % = both cores)
     * @param cpuMsPerCall  server CPU milliseconds per call
     * @param rssMiB        server resident memory at the end of the round
     */
    record Result(double perSecond, double p50Millis, double p95Millis, double p99Millis, long errors, long calls,
                  double cpuPercent, double cpuMsPerCall, double rssMiB) {

        @Override
        public String toString() {
            return String.format("%8.1f /s  p50 %7.2f ms  p95 %7.2f  p99 %7.2f  errors %d/%d  server CPU %.0f%% (%.2f ms/call)  RSS %.0f MiB",
                    perSecond, p50Millis, p95Millis, p99Millis, errors, calls, cpuPercent, cpuMsPerCall, rssMiB);
        }
    }
}
