package fr.passerelle.wallet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An SD-JWT presentation with key binding: {@code <issuer-signed JWT>~<disclosure>~...~<KB-JWT>}
 * (RFC 9901). Parsing checks the shape only; the verifier checks what it means.
 *
 * @param issuerSigned the issuer-signed JWT
 * @param disclosures  the disclosures as presented (base64url strings)
 * @param keyBinding   the key binding JWT, or {@code null} when the presentation ends with {@code ~}
 * @param sdHashInput  what the key binding's {@code sd_hash} covers: everything up to and including the last {@code ~}
 */
public record SdJwtPresentation(Jws issuerSigned, List<String> disclosures, Jws keyBinding, String sdHashInput) {

    public SdJwtPresentation {
        disclosures = List.copyOf(disclosures);
    }

    /** @throws IllegalArgumentException when the text is not an SD-JWT presentation */
    public static SdJwtPresentation parse(String presentation) {
        if (presentation == null || presentation.indexOf('~') < 0) {
            throw new IllegalArgumentException("an SD-JWT has at least one ~");
        }
        int last = presentation.lastIndexOf('~');
        String sdHashInput = presentation.substring(0, last + 1);
        String kb = presentation.substring(last + 1);
        String[] parts = sdHashInput.split("~", -1);
        List<String> disclosures = new ArrayList<>();
        for (int i = 1; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) {
                throw new IllegalArgumentException("empty disclosure");
            }
            disclosures.add(parts[i]);
        }
        return new SdJwtPresentation(Jws.parse(parts[0]), disclosures, kb.isEmpty() ? null : Jws.parse(kb), sdHashInput);
    }

    /** base64url(SHA-256(ASCII(text))), the digest of a disclosure and the {@code sd_hash} of a presentation. */
    public static String digest(String text) {
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /**
     * The payload with every presented disclosure put back in its place (RFC 9901 §7.1): each
     * disclosure must match a digest of the issuer's payload exactly once, and digests nobody
     * disclosed (withheld claims, decoys) vanish.
     *
     * @throws WalletRefusedException {@link WalletRefusal#DISCLOSURE} for a disclosure that is not the issuer's, twice, or malformed
     */
    public ObjectNode disclosedClaims() throws WalletRefusedException {
        ObjectNode payload = issuerSigned.payload().deepCopy();
        JsonNode sdAlg = payload.remove("_sd_alg");
        if (sdAlg != null && !"sha-256".equals(sdAlg.asText())) {
            throw disclosure("digest algorithm other than sha-256");
        }
        Map<String, JsonNode> byDigest = new HashMap<>();
        for (String encoded : disclosures) {
            JsonNode decoded;
            try {
                decoded = Json.parse(new String(Base64Url.decode(encoded), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new WalletRefusedException(WalletRefusal.DISCLOSURE, "a disclosure is not base64url JSON", e);
            }
            if (!decoded.isArray() || decoded.size() < 2 || decoded.size() > 3 || !decoded.get(0).isTextual()) {
                throw disclosure("a disclosure is not [salt, (name,) value]");
            }
            if (byDigest.put(digest(encoded), decoded) != null) {
                throw disclosure("the same disclosure twice");
            }
        }
        Set<String> used = new HashSet<>();
        JsonNode disclosed = resolve(payload, byDigest, used);
        if (used.size() != byDigest.size()) {
            throw disclosure("a disclosure matches no digest of the credential");
        }
        return (ObjectNode) disclosed;
    }

    private static JsonNode resolve(JsonNode node, Map<String, JsonNode> byDigest, Set<String> used) throws WalletRefusedException {
        if (node instanceof ObjectNode object) {
            ObjectNode out = Json.object();
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!"_sd".equals(field.getKey())) {
                    out.set(field.getKey(), resolve(field.getValue(), byDigest, used));
                }
            }
            JsonNode digests = object.get("_sd");
            if (digests != null) {
                if (!digests.isArray()) {
                    throw disclosure("_sd is not an array");
                }
                for (JsonNode digest : digests) {
                    JsonNode disclosure = take(digest, byDigest, used);
                    if (disclosure == null) {
                        continue;
                    }
                    if (disclosure.size() != 3 || !disclosure.get(1).isTextual()) {
                        throw disclosure("an object disclosure is not [salt, name, value]");
                    }
                    String name = disclosure.get(1).asText();
                    if ("_sd".equals(name) || "...".equals(name) || out.has(name)) {
                        throw disclosure("a disclosure names a reserved or already present claim");
                    }
                    out.set(name, resolve(disclosure.get(2), byDigest, used));
                }
            }
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            for (JsonNode element : array) {
                if (element.isObject() && element.size() == 1 && element.has("...")) {
                    JsonNode disclosure = take(element.get("..."), byDigest, used);
                    if (disclosure == null) {
                        continue;
                    }
                    if (disclosure.size() != 2) {
                        throw disclosure("an array element disclosure is not [salt, value]");
                    }
                    out.add(resolve(disclosure.get(1), byDigest, used));
                } else {
                    out.add(resolve(element, byDigest, used));
                }
            }
            return out;
        }
        return node;
    }

    private static JsonNode take(JsonNode digest, Map<String, JsonNode> byDigest, Set<String> used) throws WalletRefusedException {
        if (!digest.isTextual()) {
            throw disclosure("a digest is not a string");
        }
        JsonNode disclosure = byDigest.get(digest.asText());
        if (disclosure != null && !used.add(digest.asText())) {
            throw disclosure("a digest appears twice in the credential");
        }
        return disclosure;
    }

    private static WalletRefusedException disclosure(String detail) {
        return new WalletRefusedException(WalletRefusal.DISCLOSURE, detail);
    }
}
