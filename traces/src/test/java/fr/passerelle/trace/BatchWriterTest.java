package fr.passerelle.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BatchWriterTest {

    @Test
    void everythingOfferedByManyThreadsIsWrittenOnceWhenClosed() throws Exception {
        List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
        List<Integer> fallback = Collections.synchronizedList(new ArrayList<>());
        BatchWriter<Integer> writer = new BatchWriter<>("test-writer", 64, 16, Duration.ofMillis(1), stored::addAll);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int t = 0; t < 8; t++) {
                int base = t * 10_000;
                pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        // A full queue: the caller writes it itself, as the listener does.
                        if (!writer.offer(base + i)) {
                            fallback.add(base + i);
                        }
                    }
                });
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        BatchWriter.Stats stats = writer.close(Duration.ofSeconds(10));
        Set<Integer> all = new HashSet<>(stored);
        all.addAll(fallback);
        assertEquals(16_000, stored.size() + fallback.size(), "nothing lost, nothing written twice");
        assertEquals(16_000, all.size());
        assertEquals(stored.size(), stats.written());
        assertEquals(stats.accepted(), stats.written());
        assertTrue(stats.largestBatch() <= 16);
    }

    @Test
    void aFullQueueRefusesInsteadOfBlocking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
        BatchWriter<Integer> writer = new BatchWriter<>("test-writer", 2, 1, Duration.ofMillis(1), batch -> {
            await(release);
            stored.addAll(batch);
        });
        // The writer holds the first item (blocked in the sink); two more fill the queue; the next is refused at once.
        assertTrue(writer.offer(1));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (writer.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(writer.offer(2));
        assertTrue(writer.offer(3));
        assertFalse(writer.offer(4));
        release.countDown();
        writer.close(Duration.ofSeconds(5));
        assertEquals(List.of(1, 2, 3), stored);
    }

    @Test
    void aFailingBatchIsTriedAgainAndNotLost() {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
        BatchWriter<Integer> writer = new BatchWriter<>("test-writer", 100, 10, Duration.ofMillis(5), batch -> {
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database unavailable");
            }
            stored.addAll(batch);
        });
        for (int i = 0; i < 5; i++) {
            assertTrue(writer.offer(i));
        }
        assertTrue(writer.awaitWritten(Duration.ofSeconds(5)));
        BatchWriter.Stats stats = writer.close(Duration.ofSeconds(5));
        assertEquals(Set.of(0, 1, 2, 3, 4), new HashSet<>(stored));
        assertEquals(5, stored.size());
        assertTrue(stats.failedAttempts() >= 3);
    }

    @Test
    void awaitWrittenReturnsOnceWhatWasAcceptedIsStored() {
        List<Integer> stored = Collections.synchronizedList(new ArrayList<>());
        BatchWriter<Integer> writer = new BatchWriter<>("test-writer", 100, 10, Duration.ofMillis(5), batch -> {
            sleep(20);
            stored.addAll(batch);
        });
        for (int i = 0; i < 30; i++) {
            writer.offer(i);
        }
        assertTrue(writer.awaitWritten(Duration.ofSeconds(5)));
        assertEquals(30, stored.size(), "a reader after awaitWritten sees every accepted item");
        writer.close(Duration.ofSeconds(5));
    }

    @Test
    void aClosedWriterRefusesSoTheCallerWritesItself() {
        BatchWriter<Integer> writer = new BatchWriter<>("test-writer", 10, 10, Duration.ofMillis(5), batch -> { });
        writer.close(Duration.ofSeconds(5));
        assertFalse(writer.offer(1));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aLingeringWriterGathersBatchesYetAReaderOrAStopDoesNotWaitItOut() {
        List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
        BatchWriter<Integer> writer = new BatchWriter<>("test-writer", 100, 50, Duration.ofSeconds(30), Duration.ofMillis(5),
                batch -> batches.add(List.copyOf(batch)));
        for (int i = 0; i < 10; i++) {
            writer.offer(i);
        }
        long start = System.nanoTime();
        assertTrue(writer.awaitWritten(Duration.ofSeconds(5)), "a reader cuts the linger short");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        for (int i = 10; i < 20; i++) {
            writer.offer(i);
        }
        start = System.nanoTime();
        BatchWriter.Stats stats = writer.close(Duration.ofSeconds(10));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "a stop cuts the linger short");
        assertEquals(20, stats.written());
        assertEquals(20, batches.stream().mapToInt(List::size).sum());
    }
}
