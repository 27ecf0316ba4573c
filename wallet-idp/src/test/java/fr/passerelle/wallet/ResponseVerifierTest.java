package fr.passerelle.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

class ResponseVerifierTest {

    private static final TestPki.Issued PID_CA = TestPki.rootCa("Test PID Provider CA");
    private static final TestPki.Issued PID_PROVIDER = TestPki.leaf(PID_CA, "Test PID Provider");
    private static final TestPki.Issued VERIFIER = TestPki.leaf(TestPki.rootCa("Test Verifier CA"), "Test Verifier");
    private static final String CLIENT_ID = new VerifierIdentity(VERIFIER.keys().getPrivate(), VERIFIER.chain()).clientId();

    private final MutableClock clock = new MutableClock();
    private TestStatusList statusList;
    private ResponseVerifier verifier;
    private PendingRequest request;
    private TestPid pid;

    @BeforeEach
    void setUp() {
        statusList = new TestStatusList(PID_PROVIDER);
        verifier = new ResponseVerifier(VerifierPolicy.pid(new TrustAnchors(List.of(PID_CA.certificate()))),
                new StatusLists(statusList, new TrustAnchors(List.of(PID_CA.certificate())), clock, Duration.ofMinutes(5), Duration.ofHours(1)),
                clock);
        request = PendingRequest.create(CLIENT_ID, "https://broker.test/realms/passerelle/broker/wallet/endpoint/response/",
                clock.instant().plusSeconds(300));
        pid = new TestPid(PID_PROVIDER);
    }

    /** The holder's honest answer: every disclosure, bound to this request. */
    private String answer() {
        return answer(presentation -> presentation);
    }

    /** The holder's answer, with the selected presentation changed before it is bound. */
    private String answer(UnaryOperator<String> beforeBinding) {
        String issued = pid.issue();
        String presentation = beforeBinding.apply(issued);
        String kb = TestWallet.keyBinding(presentation, pid.holderKeys.getPrivate(), request.clientId(), request.nonce(), clock.instant(),
                "kb+jwt");
        return encrypt(presentation + kb);
    }

    private String encrypt(String presentation) {
        return TestWallet.encrypt(TestWallet.answer(request.state(), presentation), request.encryptionJwk(), "A128GCM");
    }

    private VerifiedPid verify(String response) throws WalletRefusedException {
        return verifier.verify(new RequestLookup.Pending(request), response);
    }

    private void assertRefused(WalletRefusal expected, String response) {
        WalletRefusedException refused = assertThrows(WalletRefusedException.class, () -> verify(response));
        assertEquals(expected, refused.refusal(), refused.getMessage());
    }

    private String withoutDisclosureOf(String claim) {
        String issued = pid.issue();
        String kept = pid.disclosures.stream().filter(d -> !d.getKey().equals(claim)).map(Map.Entry::getValue)
                .reduce("", (a, b) -> a + b + "~");
        String presentation = issued.substring(0, issued.indexOf('~') + 1) + kept;
        return encrypt(presentation + TestWallet.keyBinding(presentation, pid.holderKeys.getPrivate(), request.clientId(), request.nonce(),
                clock.instant(), "kb+jwt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"A128GCM", "A256GCM"})
    void validPidIsVerifiedWithTheClaimsTheHolderDisclosed(String enc) throws Exception {
        String issued = pid.issue();
        String kb = TestWallet.keyBinding(issued, pid.holderKeys.getPrivate(), CLIENT_ID, request.nonce(), clock.instant(), "kb+jwt");
        String response = TestWallet.encrypt(TestWallet.answer(request.state(), issued + kb), request.encryptionJwk(), enc);

        VerifiedPid verified = verify(response);

        assertEquals("Mustermann", verified.claims().path("family_name").asText());
        assertEquals("Berlin", verified.claims().path("place_of_birth").path("locality").asText());
        assertEquals("DE", verified.issuingCountry());
        assertEquals("T22000129", verified.personalAdministrativeNumber());
        assertEquals(2, verified.sex().orElseThrow());
        assertEquals(PID_PROVIDER.certificate(), verified.issuer());
    }

    @Test
    void sexAndPlaceOfBirthMayBeWithheld() throws Exception {
        pid.claims.remove("sex");
        pid.claims.remove("place_of_birth");
        VerifiedPid verified = verify(answer());
        assertEquals(true, verified.sex().isEmpty());
    }

    @Test
    void answerToAnUnknownRequestIsRefused() {
        WalletRefusedException refused = assertThrows(WalletRefusedException.class,
                () -> verifier.verify(new RequestLookup.Unknown(), answer()));
        assertEquals(WalletRefusal.UNKNOWN_STATE, refused.refusal());
    }

    @Test
    void secondAnswerToTheSameRequestIsAReplay() {
        WalletRefusedException refused = assertThrows(WalletRefusedException.class,
                () -> verifier.verify(new RequestLookup.Answered(), answer()));
        assertEquals(WalletRefusal.REPLAY, refused.refusal());
    }

    @Test
    void answerAfterTheRequestExpiredIsRefused() {
        String response = answer();
        clock.advance(Duration.ofSeconds(301));
        assertRefused(WalletRefusal.UNKNOWN_STATE, response);
    }

    @Test
    void answerEncryptedToAnotherRequestsKeyDoesNotDecrypt() {
        PendingRequest other = PendingRequest.create(CLIENT_ID, "https://broker.test/r/", clock.instant().plusSeconds(300));
        String presentation = pid.issue();
        String response = TestWallet.encrypt(TestWallet.answer(request.state(), presentation), other.encryptionJwk(), "A128GCM");
        assertRefused(WalletRefusal.MALFORMED_RESPONSE, response);
    }

    @Test
    void answerCarryingAnotherLoginsStateIsRefused() {
        PendingRequest other = PendingRequest.create(CLIENT_ID, "https://broker.test/r/", clock.instant().plusSeconds(300));
        String issued = pid.issue();
        String kb = TestWallet.keyBinding(issued, pid.holderKeys.getPrivate(), CLIENT_ID, request.nonce(), clock.instant(), "kb+jwt");
        String response = TestWallet.encrypt(TestWallet.answer(other.state(), issued + kb), request.encryptionJwk(), "A128GCM");
        assertRefused(WalletRefusal.UNKNOWN_STATE, response);
    }

    @Test
    void walletErrorIsADecline() {
        ObjectNode error = Json.object();
        error.put("error", "access_denied");
        error.put("state", request.state());
        assertRefused(WalletRefusal.DECLINED, TestWallet.encrypt(error, request.encryptionJwk(), "A128GCM"));
    }

    @Test
    void plainTextAnswerIsRefused() {
        assertRefused(WalletRefusal.MALFORMED_RESPONSE, Json.write(TestWallet.answer(request.state(), pid.issue())));
    }

    @Test
    void keyBindingWithAnotherNonceIsRefused() {
        String issued = pid.issue();
        String kb = TestWallet.keyBinding(issued, pid.holderKeys.getPrivate(), CLIENT_ID, PendingRequest.random(), clock.instant(), "kb+jwt");
        assertRefused(WalletRefusal.NONCE, encrypt(issued + kb));
    }

    @Test
    void keyBindingForAnotherVerifierIsRefused() {
        String issued = pid.issue();
        String kb = TestWallet.keyBinding(issued, pid.holderKeys.getPrivate(), "x509_hash:another", request.nonce(), clock.instant(),
                "kb+jwt");
        assertRefused(WalletRefusal.AUDIENCE, encrypt(issued + kb));
    }

    @Test
    void keyBindingWithoutTheClientIdPrefixIsRefused() {
        String issued = pid.issue();
        String bare = CLIENT_ID.substring(VerifierIdentity.CLIENT_ID_PREFIX.length());
        String kb = TestWallet.keyBinding(issued, pid.holderKeys.getPrivate(), bare, request.nonce(), clock.instant(), "kb+jwt");
        assertRefused(WalletRefusal.AUDIENCE, encrypt(issued + kb));
    }

    @Test
    void presentationWithoutKeyBindingIsRefused() {
        assertRefused(WalletRefusal.KEY_BINDING, encrypt(pid.issue()));
    }

    @Test
    void keyBindingSignedByAnotherKeyIsRefused() {
        String issued = pid.issue();
        KeyPair thief = EcKeys.generate();
        String kb = TestWallet.keyBinding(issued, thief.getPrivate(), CLIENT_ID, request.nonce(), clock.instant(), "kb+jwt");
        assertRefused(WalletRefusal.KEY_BINDING, encrypt(issued + kb));
    }

    @Test
    void keyBindingOfAnotherTypeIsRefused() {
        String issued = pid.issue();
        String kb = TestWallet.keyBinding(issued, pid.holderKeys.getPrivate(), CLIENT_ID, request.nonce(), clock.instant(), "JWT");
        assertRefused(WalletRefusal.KEY_BINDING, encrypt(issued + kb));
    }

    @Test
    void keyBindingOverOtherDisclosuresIsRefused() {
        String issued = pid.issue();
        String kb = TestWallet.keyBinding(issued, pid.holderKeys.getPrivate(), CLIENT_ID, request.nonce(), clock.instant(), "kb+jwt");
        String lastDisclosure = pid.disclosures.get(pid.disclosures.size() - 1).getValue() + "~";
        assertRefused(WalletRefusal.KEY_BINDING, encrypt(issued.replace(lastDisclosure, "") + kb));
    }

    @Test
    void staleKeyBindingIsRefused() {
        String issued = pid.issue();
        String kb = TestWallet.keyBinding(issued, pid.holderKeys.getPrivate(), CLIENT_ID, request.nonce(),
                clock.instant().minus(Duration.ofMinutes(10)), "kb+jwt");
        assertRefused(WalletRefusal.KEY_BINDING, encrypt(issued + kb));
    }

    @Test
    void credentialOfAnotherJoseTypeIsNotAPid() {
        pid.typ = "JWT";
        assertRefused(WalletRefusal.NOT_PID, answer());
    }

    @Test
    void credentialOfAnotherTypeIsNotAPid() {
        pid.vct = "urn:eudi:ehic:1";
        assertRefused(WalletRefusal.NOT_PID, answer());
    }

    @Test
    void pidFromAnUntrustedCaIsRefused() {
        pid.issuer = TestPki.leaf(TestPki.rootCa("Test PID Provider CA"), "Test PID Provider");
        assertRefused(WalletRefusal.UNTRUSTED_ISSUER, answer());
    }

    @Test
    void pidSignedWithAKeyOtherThanItsCertificatesIsRefused() {
        TestPki.Issued other = TestPki.leaf(PID_CA, "Test PID Provider");
        pid.issuer = new TestPki.Issued(other.keys(), PID_PROVIDER.certificate(), PID_PROVIDER.chain());
        assertRefused(WalletRefusal.UNTRUSTED_ISSUER, answer());
    }

    @Test
    void pidWhoseIssuerCertificateHasExpiredIsRefused() {
        pid.issuer = TestPki.leaf(PID_CA, "Test PID Provider", Instant.now().minus(Duration.ofDays(30)),
                Instant.now().minus(Duration.ofDays(1)));
        assertRefused(WalletRefusal.UNTRUSTED_ISSUER, answer());
    }

    @Test
    void expiredPidIsRefused() {
        pid.exp = clock.instant().minus(Duration.ofMinutes(2));
        assertRefused(WalletRefusal.EXPIRED, answer());
    }

    @Test
    void pidNotValidYetIsRefused() {
        pid.nbf = clock.instant().plus(Duration.ofHours(1));
        assertRefused(WalletRefusal.EXPIRED, answer());
    }

    @Test
    void tamperedDisclosureIsRefused() {
        assertRefused(WalletRefusal.DISCLOSURE, answer(issued -> {
            String original = pid.disclosures.get(0).getValue();
            String forged = Base64Url.encode(new String(Base64Url.decode(original), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("Mustermann", "Musterfrau"));
            return issued.replace(original, forged);
        }));
    }

    @Test
    void disclosureFromAnotherCredentialIsRefused() {
        assertRefused(WalletRefusal.DISCLOSURE,
                answer(issued -> issued + TestPid.disclosure("family_name", Json.valueToTree("Musterfrau")) + "~"));
    }

    @Test
    void sameDisclosureTwiceIsRefused() {
        assertRefused(WalletRefusal.DISCLOSURE, answer(issued -> issued + pid.disclosures.get(0).getValue() + "~"));
    }

    @Test
    void revokedPidIsRefused() {
        pid.statusIndex = 5;
        statusList.revoke(5);
        assertRefused(WalletRefusal.REVOKED, answer());
    }

    @Test
    void pidNextToARevokedOneIsAccepted() throws Exception {
        pid.statusIndex = 4;
        statusList.revoke(5);
        verify(answer());
    }

    @Test
    void unreachableStatusListRefusesTheLogin() {
        statusList.reachable = false;
        assertRefused(WalletRefusal.STATUS_UNAVAILABLE, answer());
    }

    @Test
    void pidWithoutStatusIsRefused() {
        pid.statusIndex = null;
        assertRefused(WalletRefusal.STATUS_UNAVAILABLE, answer());
    }

    @Test
    void statusListFromAnUntrustedSignerIsUnavailable() {
        statusList.signer = TestPki.leaf(TestPki.rootCa("Test PID Provider CA"), "Test PID Provider");
        assertRefused(WalletRefusal.STATUS_UNAVAILABLE, answer());
    }

    @Test
    void statusListForAnotherUriIsUnavailable() {
        statusList.sub = "https://pid-provider.test/status/2";
        assertRefused(WalletRefusal.STATUS_UNAVAILABLE, answer());
    }

    @Test
    void statusListOfAnotherTypeIsUnavailable() {
        statusList.typ = "JWT";
        assertRefused(WalletRefusal.STATUS_UNAVAILABLE, answer());
    }

    @Test
    void expiredStatusListIsUnavailable() {
        statusList.exp = clock.instant().minusSeconds(1);
        assertRefused(WalletRefusal.STATUS_UNAVAILABLE, answer());
    }

    @Test
    void statusListIsKeptForItsTtlThenFetchedAgain() throws Exception {
        verify(answer());
        setUpNextRequest();
        statusList.revoke(0);
        verify(answer());
        assertEquals(1, statusList.fetches, "the list is reused within its ttl");

        clock.advance(Duration.ofSeconds(301));
        setUpNextRequest();
        assertRefused(WalletRefusal.REVOKED, answer());
        assertEquals(2, statusList.fetches);
    }

    @Test
    void statusListIsNotKeptWhenItCouldNotBeFetched() throws Exception {
        statusList.reachable = false;
        assertRefused(WalletRefusal.STATUS_UNAVAILABLE, answer());
        statusList.reachable = true;
        verify(answer());
    }

    private void setUpNextRequest() {
        request = PendingRequest.create(CLIENT_ID, "https://broker.test/r/", clock.instant().plusSeconds(300));
    }

    @Test
    void withheldBirthdateIsRefused() {
        assertRefused(WalletRefusal.CLAIMS_MISSING, withoutDisclosureOf("birthdate"));
    }

    @Test
    void withheldFamilyNameIsRefused() {
        assertRefused(WalletRefusal.CLAIMS_MISSING, withoutDisclosureOf("family_name"));
    }

    @Test
    void pidWithoutAdministrativeNumberIsRefusedWithItsOwnCode() {
        pid.claims.remove("personal_administrative_number");
        assertRefused(WalletRefusal.NO_ADMINISTRATIVE_NUMBER, answer());
    }

    @Test
    void withheldAdministrativeNumberIsRefusedWithItsOwnCode() {
        assertRefused(WalletRefusal.NO_ADMINISTRATIVE_NUMBER, withoutDisclosureOf("personal_administrative_number"));
    }

    @Test
    void vpTokenAnsweringAnotherQueryIsNotAPid() {
        ObjectNode answer = Json.object();
        answer.putObject("vp_token").putArray("ehic").add(pid.issue());
        answer.put("state", request.state());
        assertRefused(WalletRefusal.NOT_PID, TestWallet.encrypt(answer, request.encryptionJwk(), "A128GCM"));
    }
}
