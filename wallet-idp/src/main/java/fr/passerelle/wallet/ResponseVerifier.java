package fr.passerelle.wallet;

import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Verifies a wallet's {@code direct_post.jwt} answer to one request, the checks in a fixed order so
 * that each refusal names the first thing wrong: decryption, state, nonce, type, credential type,
 * issuer chain, issuer signature, validity period, disclosures, key binding, status, the DCQL
 * query, and last the identifier a wallet identity is keyed on.
 */
public final class ResponseVerifier {

    static final String SD_JWT_TYP = "dc+sd-jwt";
    static final String KB_JWT_TYP = "kb+jwt";

    private final VerifierPolicy policy;
    private final StatusLists statusLists;
    private final Clock clock;

    public ResponseVerifier(VerifierPolicy policy, StatusLists statusLists, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.statusLists = Objects.requireNonNull(statusLists, "statusLists");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param lookup   what the store held for the request id the answer was posted to
     * @param response the {@code response} form field of the wallet's POST
     */
    public VerifiedPid verify(RequestLookup lookup, String response) throws WalletRefusedException {
        if (lookup instanceof RequestLookup.Answered) {
            throw refuse(WalletRefusal.REPLAY, "the request was already answered");
        }
        if (!(lookup instanceof RequestLookup.Pending pending)) {
            throw refuse(WalletRefusal.UNKNOWN_STATE, "no pending request with this id");
        }
        PendingRequest request = pending.request();
        Instant now = clock.instant();
        if (!now.isBefore(request.expiresAt())) {
            throw refuse(WalletRefusal.UNKNOWN_STATE, "the request has expired");
        }

        ObjectNode answer = ResponseDecrypter.decrypt(response, request.decryptionKey(), request.kid());

        if (!request.state().equals(answer.path("state").asText(null))) {
            throw refuse(WalletRefusal.UNKNOWN_STATE, "the answer carries another request's state");
        }
        if (answer.has("error")) {
            throw refuse(WalletRefusal.DECLINED, "the wallet answered with an error");
        }
        SdJwtPresentation presentation = presentation(answer);

        if (presentation.keyBinding() == null) {
            throw refuse(WalletRefusal.KEY_BINDING, "the presentation has no key binding");
        }
        // Read before the key binding's signature is checked, to refuse early; the signature check below covers it.
        if (!request.nonce().equals(presentation.keyBinding().payload().path("nonce").asText(null))) {
            throw refuse(WalletRefusal.NONCE, "the key binding carries another nonce");
        }

        Jws credential = presentation.issuerSigned();
        if (!SD_JWT_TYP.equals(credential.typ())) {
            throw refuse(WalletRefusal.NOT_PID, "the credential is not of type " + SD_JWT_TYP);
        }
        if (!policy.vctValues().contains(credential.payload().path("vct").asText())) {
            throw refuse(WalletRefusal.NOT_PID, "the credential type is not an accepted PID type");
        }

        X509Certificate issuer = policy.anchors().validate(credential.header().get("x5c"), now);
        if (!credential.verifies(issuer.getPublicKey())) {
            throw refuse(WalletRefusal.UNTRUSTED_ISSUER, "the credential is not signed by its x5c certificate with ES256");
        }

        requireValidPeriod(credential.payload(), now);

        ObjectNode disclosed = presentation.disclosedClaims();

        requireKeyBinding(credential.payload(), presentation, request, now);

        statusLists.requireValid(credential.payload().get("status"));

        if (policy.query().satisfiedSet(disclosed).isEmpty()) {
            throw refuse(WalletRefusal.CLAIMS_MISSING, "the disclosed claims satisfy no claim set of the query");
        }
        if (disclosed.path("personal_administrative_number").asText("").isBlank()) {
            throw refuse(WalletRefusal.NO_ADMINISTRATIVE_NUMBER, "the PID has no personal administrative number");
        }
        return new VerifiedPid(disclosed, issuer);
    }

    private SdJwtPresentation presentation(ObjectNode answer) throws WalletRefusedException {
        JsonNode vpToken = answer.get("vp_token");
        if (vpToken == null || !vpToken.isObject() || vpToken.size() != 1 || !vpToken.has(policy.query().credentialId())) {
            throw refuse(WalletRefusal.NOT_PID, "the vp_token does not answer the PID query");
        }
        JsonNode presentations = vpToken.get(policy.query().credentialId());
        if (!presentations.isArray() || presentations.size() != 1 || !presentations.get(0).isTextual()) {
            throw refuse(WalletRefusal.NOT_PID, "the PID query is not answered with exactly one presentation");
        }
        try {
            return SdJwtPresentation.parse(presentations.get(0).asText());
        } catch (IllegalArgumentException e) {
            throw new WalletRefusedException(WalletRefusal.NOT_PID, "the presentation is not an SD-JWT", e);
        }
    }

    private void requireValidPeriod(ObjectNode payload, Instant now) throws WalletRefusedException {
        if (!payload.path("exp").canConvertToLong()) {
            throw refuse(WalletRefusal.EXPIRED, "the credential has no expiry");
        }
        if (!now.isBefore(Instant.ofEpochSecond(payload.get("exp").asLong()).plus(policy.clockSkew()))) {
            throw refuse(WalletRefusal.EXPIRED, "the credential has expired");
        }
        if (payload.has("nbf") && now.plus(policy.clockSkew()).isBefore(Instant.ofEpochSecond(payload.path("nbf").asLong()))) {
            throw refuse(WalletRefusal.EXPIRED, "the credential is not valid yet");
        }
    }

    private void requireKeyBinding(ObjectNode credential, SdJwtPresentation presentation, PendingRequest request, Instant now)
            throws WalletRefusedException {
        ECPublicKey holderKey;
        try {
            holderKey = EcKeys.fromJwk(credential.path("cnf").get("jwk"));
        } catch (IllegalArgumentException e) {
            throw new WalletRefusedException(WalletRefusal.KEY_BINDING, "the credential binds no P-256 holder key", e);
        }
        Jws keyBinding = presentation.keyBinding();
        if (!KB_JWT_TYP.equals(keyBinding.typ()) || !keyBinding.verifies(holderKey)) {
            throw refuse(WalletRefusal.KEY_BINDING, "the key binding is not an ES256 kb+jwt of the holder key");
        }
        ObjectNode claims = keyBinding.payload();
        if (!SdJwtPresentation.digest(presentation.sdHashInput()).equals(claims.path("sd_hash").asText())) {
            throw refuse(WalletRefusal.KEY_BINDING, "the key binding is over another presentation");
        }
        JsonNode audience = claims.get("aud");
        if (audience == null || !audience.isTextual() || !request.clientId().equals(audience.asText())) {
            throw refuse(WalletRefusal.AUDIENCE, "the key binding is for another verifier");
        }
        if (!request.nonce().equals(claims.path("nonce").asText())) {
            throw refuse(WalletRefusal.NONCE, "the key binding carries another nonce");
        }
        if (!claims.path("iat").canConvertToLong()) {
            throw refuse(WalletRefusal.KEY_BINDING, "the key binding has no issue time");
        }
        Instant issued = Instant.ofEpochSecond(claims.get("iat").asLong());
        if (issued.isAfter(now.plus(policy.clockSkew())) || issued.isBefore(now.minus(policy.keyBindingMaxAge()).minus(policy.clockSkew()))) {
            throw refuse(WalletRefusal.KEY_BINDING, "the key binding was not made just now");
        }
    }

    private static WalletRefusedException refuse(WalletRefusal refusal, String detail) {
        return new WalletRefusedException(refusal, detail);
    }
}
