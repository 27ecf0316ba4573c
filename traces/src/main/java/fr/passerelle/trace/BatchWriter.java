package fr.passerelle.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A bounded queue drained by one background thread that hands what it takes to a sink in batches. Nothing is
 * dropped: {@link #offer} refuses an item when the queue is full (the caller then writes it itself), a batch the
 * sink fails on is tried again, and {@link #close} writes what is left before it returns. So a graceful stop loses
 * nothing; an abrupt one (the process killed) loses at most what the queue held and the batch being written, that
 * is at most {@code capacity + maxBatch} items, and with a linger at most what arrived during one linger.
 *
 * @param <T> what is written
 */
public final class BatchWriter<T> implements AutoCloseable {

    /** What the writer did, for the log line at close and for tests. */
    public record Stats(long accepted, long written, long batches, int largestBatch, long failedAttempts) {
    }

    private final BlockingQueue<T> queue;
    private final int maxBatch;
    private final Consumer<List<T>> sink;
    private final Duration retryPause;
    private final Duration linger;
    /** Readers waiting: while any does, batches are written without waiting out the linger. */
    private final AtomicInteger waitingReaders = new AtomicInteger();
    private final Thread thread;
    private final Object progress = new Object();
    private volatile boolean closing;
    /** A batch the writer thread could not write before it was interrupted: close writes it. */
    private volatile List<T> leftover = List.of();
    // Guarded by progress.
    private long accepted;
    private long written;
    private long batches;
    private int largestBatch;
    private long failedAttempts;

    /**
     * @param name       the writer thread's name
     * @param capacity   how many items may wait at most
     * @param maxBatch   how many items one call of the sink gets at most
     * @param retryPause how long to wait before trying a failed batch again
     * @param sink       writes one batch, all or nothing (one transaction); throws when it did not
     */
    public BatchWriter(String name, int capacity, int maxBatch, Duration retryPause, Consumer<List<T>> sink) {
        this(name, capacity, maxBatch, Duration.ZERO, retryPause, sink);
    }

    /**
     * @param linger how long the writer waits for more items before it writes a batch that is not full (zero: it
     *               writes what it has at once)
     */
    public BatchWriter(String name, int capacity, int maxBatch, Duration linger, Duration retryPause, Consumer<List<T>> sink) {
        if (capacity < 1 || maxBatch < 1 || linger.isNegative()) {
            throw new IllegalArgumentException("capacity and maxBatch must be positive, linger not negative");
        }
        this.linger = linger;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.retryPause = Objects.requireNonNull(retryPause);
        this.sink = Objects.requireNonNull(sink);
        this.thread = new Thread(this::drain, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues an item; false when the queue is full or the writer closed (the caller must then write it itself). */
    public boolean offer(T item) {
        Objects.requireNonNull(item);
        synchronized (progress) {
            if (closing || !queue.offer(item)) {
                return false;
            }
            accepted++;
            return true;
        }
    }

    /** How many items wait now. */
    public int pending() {
        return queue.size();
    }

    /**
     * Waits until every item accepted before this call is written, at most {@code timeout}; true when they are. A
     * reader that must see what this node accepted (an audit listing, say) calls it first.
     */
    public boolean awaitWritten(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        waitingReaders.incrementAndGet();
        try {
            synchronized (progress) {
                long target = accepted;
                while (written < target) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(progress, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                return true;
            }
        } finally {
            waitingReaders.decrementAndGet();
        }
    }

    public Stats stats() {
        synchronized (progress) {
            return new Stats(accepted, written, batches, largestBatch, failedAttempts);
        }
    }

    /**
     * Stops accepting, lets the writer write everything queued (waiting at most {@code timeout} for it), and writes
     * what would still be left in the calling thread. Returns what the writer did.
     */
    public Stats close(Duration timeout) {
        synchronized (progress) {
            closing = true;
        }
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Whatever the writer thread left (it was stuck, or interrupted), written here, batch after batch, once each.
        if (!thread.isAlive() && !leftover.isEmpty()) {
            sink.accept(leftover);
            wrote(leftover.size());
            leftover = List.of();
        }
        List<T> batch = new ArrayList<>();
        while (queue.drainTo(batch, maxBatch) > 0) {
            sink.accept(batch);
            wrote(batch.size());
            batch.clear();
        }
        return stats();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    private void drain() {
        List<T> batch = new ArrayList<>(maxBatch);
        while (true) {
            if (batch.isEmpty()) {
                T first;
                try {
                    first = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                gather(batch);
            }
            try {
                sink.accept(batch);
            } catch (RuntimeException e) {
                synchronized (progress) {
                    failedAttempts++;
                }
                // Kept and tried again: a trace is never dropped because the database was briefly unavailable.
                try {
                    Thread.sleep(retryPause.toMillis());
                } catch (InterruptedException interrupted) {
                    leftover = List.copyOf(batch);
                    return;
                }
                continue;
            }
            wrote(batch.size());
            batch.clear();
        }
    }

    /**
     * With a linger, waits up to that long for more items before writing a batch that is not full: fewer, larger
     * transactions, at the price of that much more time in the queue. A stop, or a reader waiting, cuts it short.
     */
    private void gather(List<T> batch) {
        long end = System.nanoTime() + linger.toNanos();
        while (batch.size() < maxBatch && !closing && waitingReaders.get() == 0) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            T next;
            try {
                next = queue.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(10)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next != null) {
                batch.add(next);
                queue.drainTo(batch, maxBatch - batch.size());
            }
        }
    }

    private void wrote(int count) {
        synchronized (progress) {
            written += count;
            batches++;
            largestBatch = Math.max(largestBatch, count);
            progress.notifyAll();
        }
    }
}
