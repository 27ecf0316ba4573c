package fr.passerelle.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Drives the independent holder ({@code wallet-holder/holder.mjs}, the OpenWallet Foundation's OpenID4VP
 * and SD-JWT VC libraries from npm) as a node process: one command in, one JSON answer out.
 */
final class WalletHolder {

    private final Path directory;

    WalletHolder() {
        String configured = System.getProperty("passerelle.wallet-holder.dir");
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("System property passerelle.wallet-holder.dir is not set; run the tests through Maven");
        }
        this.directory = Path.of(configured);
        if (!Files.isDirectory(directory.resolve("node_modules/@openid4vc/openid4vp"))) {
            String why = "The wallet holder is not installed: run `npm ci` in " + directory + " (.ci/run does)";
            // Node.js is not among a newcomer's prerequisites: the wallet tests skip without the holder, except in CI.
            if ("true".equals(System.getenv("PASSERELLE_WALLET_REQUIRED")) || "true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            Assumptions.abort(why);
        }
    }

    JsonNode run(ObjectNode command) {
        try {
            Path file = Files.createTempFile("wallet-holder", ".json");
            try {
                Files.writeString(file, Json.write(command));
                Process process = new ProcessBuilder("node", "holder.mjs", file.toString())
                        .directory(directory.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                byte[] out = process.getInputStream().readAllBytes();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the wallet holder did not answer within 60 s");
                }
                JsonNode result = Json.parse(new String(out, StandardCharsets.UTF_8));
                if (process.exitValue() != 0 || result.has("error")) {
                    throw new IllegalStateException("the wallet holder failed: " + result);
                }
                return result;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
