package fr.passerelle.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One step of the search for the highest login rate one node sustains: an open-loop load (logins start on a fixed
 * schedule, whatever the server answers, so a slow server builds a queue instead of slowing the load down) of a mix
 * of returning and first logins; latency counts from each login's scheduled start. Bounded in logins and time.
 */
final class SustainedRate {

    /** Logins in flight at most: above it, a login waits for a free client, and its wait counts in its latency. */
    private static final int CLIENTS = 48;

    private SustainedRate() {
    }

    /** {@code rate} logins a second for {@code seconds}; one in {@code 1/firstShare} is a first login. */
    static Load.Result openLoop(LoginBenchmark logins, String realm, double rate, int seconds, double firstShare, ServerProcess process)
            throws Exception {
        int count = (int) Math.round(rate * seconds);
        int every = firstShare <= 0 ? Integer.MAX_VALUE : (int) Math.round(1 / firstShare);
        List<String> newcomers = logins.newcomers(every == Integer.MAX_VALUE ? 0 : count / every + 1);
        AtomicInteger nextNewcomer = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long[] latencies = new long[count];
        double cpuBefore = process.cpuSeconds();
        long begin = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                long scheduled = begin + (long) (i * 1e9 / rate);
                long wait = scheduled - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int n = i;
                boolean first = (i % every) == every - 1;
                futures.add(clients.submit(() -> {
                    boolean ok;
                    try {
                        ok = logins.login(realm, first ? newcomers.get(nextNewcomer.getAndIncrement()) : logins.returningPerson(n));
                    } catch (Exception | AssertionError e) {
                        ok = false;
                    }
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    latencies[n] = System.nanoTime() - scheduled;
                }));
            }
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        double elapsed = (System.nanoTime() - begin) / 1e9;
        return Load.result(latencies, errors.get(), elapsed, process.cpuSeconds() - cpuBefore, process.rssMiB());
    }
}
