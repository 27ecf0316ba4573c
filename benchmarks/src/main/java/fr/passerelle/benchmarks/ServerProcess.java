package fr.passerelle.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import fr.passerelle.e2e.PasserelleServer;

/** The server's JVM as the operating system sees it (Linux {@code /proc}): CPU time used and resident memory. */
final class ServerProcess {

    /** Clock ticks per second of {@code /proc/<pid>/stat} times ({@code getconf CLK_TCK}, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final ProcessHandle jvm;

    private ServerProcess(ProcessHandle jvm) {
        this.jvm = jvm;
    }

    /** The Java process {@code kc.sh} started for the server. */
    static ServerProcess of(PasserelleServer server) {
        ProcessHandle launcher = ProcessHandle.of(server.pid()).orElseThrow(() -> new IllegalStateException("server not running"));
        Optional<ProcessHandle> java = launcher.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst();
        return new ServerProcess(java.orElse(launcher));
    }

    long pid() {
        return jvm.pid();
    }

    /** The JVM's executable, to find {@code jcmd} beside it. */
    Path javaCommand() {
        return Path.of(jvm.info().command().orElseThrow());
    }

    /** User + system CPU seconds used so far. */
    double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + jvm.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // After the command name: state is field 3; utime and stime are fields 14 and 15.
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Heap in use after a full collection (MiB), asked of the JVM with {@code jcmd GC.run} then {@code GC.heap_info}:
     * what the server keeps, unlike RSS, which also holds what the heap grew to and never gave back.
     */
    double heapAfterGcMiB() {
        try {
            jcmd("GC.run");
            String info = jcmd("GC.heap_info");
            java.util.regex.Matcher used = java.util.regex.Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
            return used.find() ? Long.parseLong(used.group(2)) / 1024.0 : Double.NaN;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(javaCommand().resolveSibling("jcmd").toString(), Long.toString(jvm.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroy();
        }
        return output;
    }

    /** Resident set size in MiB. */
    double rssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + jvm.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return Double.NaN;
    }
}
