package fr.passerelle.demo.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import fr.passerelle.wallet.DcqlQuery;
import fr.passerelle.wallet.PendingRequest;
import fr.passerelle.wallet.RequestLookup;
import fr.passerelle.wallet.RequestObject;
import fr.passerelle.wallet.ResponseVerifier;
import fr.passerelle.wallet.StatusLists;
import fr.passerelle.wallet.TrustAnchors;
import fr.passerelle.wallet.VerifiedPid;
import fr.passerelle.wallet.VerifierIdentity;
import fr.passerelle.wallet.VerifierPolicy;
import fr.passerelle.wallet.WalletRefusal;
import fr.passerelle.wallet.WalletRefusedException;

/** The demo wallet answers what the broker asks, in the form the broker's verifier reads, with the demo trust. */
class DemoWalletAnswerTest {

    @TempDir
    Path directory;

    private PidProvider provider;
    private List<PidProvider.HeldPid> pids;
    private VerifierIdentity verifier;
    private ResponseVerifier responses;

    @BeforeEach
    void setUp() throws Exception {
        DemoTrust.init(directory);
        provider = new PidProvider(DemoTrust.pidProvider(directory), "http://localhost:8084", Clock.systemUTC());
        pids = provider.issueAll();
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(directory.resolve("verifier.p12"))) {
            keyStore.load(in, DemoTrust.VERIFIER_KEYSTORE_PASSWORD.toCharArray());
        }
        verifier = new VerifierIdentity((PrivateKey) keyStore.getKey("verifier", DemoTrust.VERIFIER_KEYSTORE_PASSWORD.toCharArray()),
                List.of((X509Certificate) keyStore.getCertificate("verifier")));
        TrustAnchors anchors = TrustAnchors.fromDirectory(directory.resolve("anchors"));
        responses = new ResponseVerifier(VerifierPolicy.pid(anchors),
                new StatusLists(uri -> provider.statusList(), anchors, Clock.systemUTC(), Duration.ofMinutes(5), Duration.ofHours(1)),
                Clock.systemUTC());
    }

    private PresentationRequest received(PendingRequest pending) throws PresentationRequest.Unusable {
        String signed = RequestObject.sign(verifier, pending, DcqlQuery.pid(List.of(DcqlQuery.PID_VCT)), "wallet-nonce-1", Instant.now());
        return PresentationRequest.check(signed, verifier.clientId(), "wallet-nonce-1", Instant.now());
    }

    private PendingRequest pending() {
        return PendingRequest.create(verifier.clientId(), "http://localhost:8080/response/", Instant.now().plusSeconds(300));
    }

    private PidProvider.HeldPid pid(String id) {
        return pids.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void annasSharedPidPassesEveryCheckWithOnlyTheAskedClaims() throws Exception {
        PendingRequest pending = pending();
        PresentationRequest request = received(pending);

        VerifiedPid verified = responses.verify(new RequestLookup.Pending(pending),
                WalletAnswer.encrypt(request, WalletAnswer.sharing(pid("anna-kowalska"), request, Instant.now())));

        assertEquals("KOWALSKA", verified.claims().path("family_name").asText());
        assertEquals("PL", verified.issuingCountry());
        assertEquals("90051712345", verified.personalAdministrativeNumber());
        assertEquals("Kraków", verified.claims().path("place_of_birth").path("locality").asText());
        assertFalse(verified.claims().has("nationalities"), "what was not asked is not shared");
    }

    @Test
    void theRevokedPidIsRefusedAsRevoked() throws Exception {
        PendingRequest pending = pending();
        PresentationRequest request = received(pending);
        String answer = WalletAnswer.encrypt(request, WalletAnswer.sharing(pid("luca-bianchi-old"), request, Instant.now()));

        WalletRefusedException refused = assertThrows(WalletRefusedException.class, () -> responses.verify(new RequestLookup.Pending(pending), answer));
        assertEquals(WalletRefusal.REVOKED, refused.refusal());
    }

    @Test
    void decliningIsReadAsDeclined() throws Exception {
        PendingRequest pending = pending();
        PresentationRequest request = received(pending);
        String answer = WalletAnswer.encrypt(request, WalletAnswer.declining(request));

        WalletRefusedException refused = assertThrows(WalletRefusedException.class, () -> responses.verify(new RequestLookup.Pending(pending), answer));
        assertEquals(WalletRefusal.DECLINED, refused.refusal());
    }

    @Test
    void aRequestSignedByAnotherKeyThanTheClientIdsIsNotAnswered() throws Exception {
        String signed = RequestObject.sign(verifier, pending(), DcqlQuery.pid(List.of(DcqlQuery.PID_VCT)), "n", Instant.now());
        assertThrows(PresentationRequest.Unusable.class,
                () -> PresentationRequest.check(signed, "x509_hash:" + "A".repeat(43), "n", Instant.now()));
    }
}
