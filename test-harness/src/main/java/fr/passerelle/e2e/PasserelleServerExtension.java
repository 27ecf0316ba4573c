package fr.passerelle.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the assembled server once for the whole test run (kept in the root store, which closes it when
 * the run ends, also after failures) and hands it to tests as a parameter.
 */
public final class PasserelleServerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PasserelleServerExtension.class);

    /**
     * The demo SP's URL for this run: a free loopback port, chosen before the server starts so that the
     * shipped realm's redirect URIs ({@code PASSERELLE_SP_URL}) name it. Tests that play the SP over HTTP
     * use it as their redirect URI; the browser tests run the real demo SP there.
     */
    public static final String SP_URL = "http://localhost:" + freePort();

    /** The demo wallet's URL for this run, named the same way in the shipped realm's wallet invocation URL ({@code PASSERELLE_DEMO_WALLET_URL}). */
    public static final String DEMO_WALLET_URL = "http://localhost:" + freePort();

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PasserelleServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context);
    }

    public static PasserelleServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(PasserelleServer.class, key -> startFromBuild(), PasserelleServer.class);
    }

    /**
     * A server of its own, named {@code name}, for a test or benchmark that stops, restarts or configures it: the
     * build's assembled server and work directory, the demo SP's URL in its environment, plus {@code extraEnv}.
     */
    public static PasserelleServer startOwn(String name, Map<String, String> extraEnv, List<String> extraArgs) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("PASSERELLE_SP_URL", SP_URL);
        env.putAll(extraEnv);
        return PasserelleServer.start(Path.of(required("passerelle.server.home")), Path.of(required("passerelle.work.dir")), name, env,
                extraArgs);
    }

    private static PasserelleServer startFromBuild() {
        Path assembled = Path.of(required("passerelle.server.home"));
        Path work = Path.of(required("passerelle.work.dir"));
        return PasserelleServer.start(assembled, work, Map.of("PASSERELLE_SP_URL", SP_URL, "PASSERELLE_DEMO_WALLET_URL", DEMO_WALLET_URL), WalletTrust.get(work).serverOptions());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set; run the tests through Maven");
        }
        return value;
    }
}
