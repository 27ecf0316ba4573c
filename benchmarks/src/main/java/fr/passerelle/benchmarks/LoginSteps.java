package fr.passerelle.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;

/**
 * Where a login's server time goes, step by step, with the upstream IdP's password check set apart: each execution
 * sample of a recording is put under the HTTP endpoint it served (the REST invoker frame on its stack), or under
 * "upstream password check" when it is in Keycloak's password validation (the upstream IdP's Argon2 hash, the same
 * cost in every realm), or under its thread's name when it served no request (timers, the notice outbox). Samples
 * become milliseconds of server CPU per login through the share of the round's measured CPU (from {@code /proc}).
 */
final class LoginSteps {

    static final String PASSWORD = "upstream password check (Argon2, same in every realm)";

    /** Samples per step, per suite method (outside the password check), and in all. */
    record Breakdown(int samples, Map<String, Integer> steps, Map<String, Integer> suite, double cpuMsPerLogin) {

        double ms(int count) {
            return samples == 0 ? 0 : cpuMsPerLogin * count / samples;
        }

        double msOf(String step) {
            return ms(steps.getOrDefault(step, 0));
        }

        double msOutsidePassword() {
            return cpuMsPerLogin - msOf(PASSWORD);
        }
    }

    private LoginSteps() {
    }

    static Breakdown read(Path file, double cpuMsPerLogin) throws IOException {
        Map<String, Integer> steps = new TreeMap<>();
        Map<String, Integer> suite = new TreeMap<>();
        int samples = Profiler.forEachSample(file, (stack, thread) -> {
            String step = step(stack, thread);
            steps.merge(step, 1, Integer::sum);
            if (!step.equals(PASSWORD)) {
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : stack) {
                    String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                    if (method.startsWith("fr.passerelle.") && !method.contains("$quarkusrestinvoker$") && seen.add(method)) {
                        suite.merge(method, 1, Integer::sum);
                    }
                }
            }
        });
        return new Breakdown(samples, steps, suite, cpuMsPerLogin);
    }

    private static String step(List<RecordedFrame> frames, RecordedThread thread) {
        String endpoint = null;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            String method = frame.getMethod().getName();
            if (type.startsWith("org.bouncycastle.crypto.generators.Argon2")
                    || (type.endsWith("AbstractUsernameFormAuthenticator") && method.equals("validatePassword"))) {
                return PASSWORD;
            }
            int invoker = type.indexOf("$quarkusrestinvoker$");
            if (invoker > 0) {
                String resource = type.substring(type.lastIndexOf('.', invoker) + 1, invoker);
                String name = type.substring(invoker + "$quarkusrestinvoker$".length());
                int hash = name.lastIndexOf('_');
                endpoint = resource + "." + (hash > 0 ? name.substring(0, hash) : name);
            }
        }
        if (endpoint != null) {
            return endpoint;
        }
        String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
        return "thread " + name.replaceAll("[0-9]+", "N");
    }

    /** A side-by-side table of two realms' steps, in ms of server CPU per login, biggest difference first. */
    static String compare(String title, String left, Breakdown a, String right, Breakdown b) {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%n#### %s: server CPU per login by step (ms)%n%n", title));
        text.append(String.format("%s: %d samples, %.1f ms CPU per login (%.1f outside the upstream password check); %s: %d samples, "
                        + "%.1f ms (%.1f outside it).%n%n", left, a.samples(), a.cpuMsPerLogin(), a.msOutsidePassword(), right, b.samples(),
                b.cpuMsPerLogin(), b.msOutsidePassword()));
        text.append(String.format("| step (endpoint, or thread) | %s | %s | difference |%n|---|---|---|---|%n", left, right));
        Set<String> all = new LinkedHashSet<>(a.steps().keySet());
        all.addAll(b.steps().keySet());
        Map<String, Double> difference = new LinkedHashMap<>();
        for (String step : all) {
            difference.put(step, a.msOf(step) - b.msOf(step));
        }
        difference.entrySet().stream()
                .sorted((x, y) -> Double.compare(Math.abs(y.getValue()), Math.abs(x.getValue())))
                .filter(e -> Math.abs(a.msOf(e.getKey())) >= 0.5 || Math.abs(b.msOf(e.getKey())) >= 0.5)
                .forEach(e -> text.append(String.format("| %s | %.1f | %.1f | %+.1f |%n", e.getKey(), a.msOf(e.getKey()), b.msOf(e.getKey()),
                        e.getValue())));
        text.append(String.format("%n| suite methods on the stack (%s, outside the password check) | ms/login |%n|---|---|%n", left));
        a.suite().entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(20)
                .forEach(e -> text.append(String.format("| `%s` | %.1f |%n", e.getKey(), a.ms(e.getValue()))));
        return text.toString();
    }
}
