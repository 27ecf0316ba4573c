package fr.passerelle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * JDK Flight Recorder on the running server, started and stopped with {@code jcmd} around one load, and the
 * recording's execution samples summed up: the methods that were on CPU (self time) and the server's own methods
 * (Keycloak's and the suite's) that were on the stack (total time).
 */
final class Profiler {

    private static final int TOP = 15;

    private final ServerProcess server;
    private final Path directory;

    Profiler(ServerProcess server, Path directory) {
        this.server = server;
        this.directory = directory;
    }

    /** Records the server while {@code load} runs; returns the summary, in markdown. */
    String profile(String name, Callable<?> load) throws Exception {
        return summary(name, record(name, load));
    }

    /** Records the server while {@code load} runs; returns the recording and the load's result. */
    <T> Recorded<T> recorded(String name, Callable<T> load) throws Exception {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        Path file = record(name, () -> {
            result.set(load.call());
            return null;
        });
        return new Recorded<>(file, result.get());
    }

    record Recorded<T>(Path file, T result) {
    }

    private Path record(String name, Callable<?> load) throws Exception {
        Files.createDirectories(directory);
        Path file = directory.resolve(name + ".jfr").toAbsolutePath();
        Files.deleteIfExists(file);
        jcmd("JFR.start", "name=" + name, "settings=profile");
        try {
            load.call();
        } finally {
            jcmd("JFR.stop", "name=" + name, "filename=" + file);
        }
        return file;
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(server.javaCommand().resolveSibling("jcmd").toString());
        line.add(Long.toString(server.pid()));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
        }
    }

    static String summary(String name, Path file) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = forEachSample(file, (stack, thread) -> {
            self.merge(method(stack.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : stack) {
                String method = method(frame);
                if ((method.startsWith("org.keycloak.") || method.startsWith("fr.passerelle.")) && seen.add(method)) {
                    total.merge(method, 1, Integer::sum);
                }
            }
        });
        StringBuilder text = new StringBuilder();
        text.append(String.format("%n#### Profile: %s (%d execution samples, %s)%n%n", name, samples, file.getFileName()));
        text.append("| top self frames | % of samples |\n|---|---|\n");
        top(text, self, samples);
        text.append("\n| Keycloak and suite methods on the stack | % of samples |\n|---|---|\n");
        top(text, total, samples);
        return text.toString();
    }

    /** What a profile's execution samples are given to: the stack (top frame first) and the sampled thread. */
    interface SampleVisitor {
        void visit(List<RecordedFrame> stack, RecordedThread thread);
    }

    /** Gives every execution sample with a stack in {@code file} to {@code visitor}; returns how many there were. */
    static int forEachSample(Path file, SampleVisitor visitor) throws IOException {
        int samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                visitor.visit(stack.getFrames(), event.getThread("sampledThread"));
            }
        }
        return samples;
    }

    private static void top(StringBuilder text, Map<String, Integer> counts, int samples) {
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(TOP)
                .forEach(e -> text.append(String.format("| `%s` | %.1f |%n", e.getKey(), 100.0 * e.getValue() / Math.max(1, samples))));
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
