package fr.passerelle.wallet;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.PKCS8EncodedKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** P-256 keys, the only curve the HAIP profile uses: generation, JWK form, and the checks a received key needs. */
public final class EcKeys {

    private static final int COORDINATE_BYTES = 32;
    public static final ECParameterSpec P256 = p256();

    private EcKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides P-256", e);
        }
    }

    /** The public JWK of a P-256 key: {@code kty}, {@code crv}, {@code x}, {@code y}. */
    public static ObjectNode toJwk(ECPublicKey key) {
        ObjectNode jwk = Json.object();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", Base64Url.encode(unsigned(key.getW().getAffineX())));
        jwk.put("y", Base64Url.encode(unsigned(key.getW().getAffineY())));
        return jwk;
    }

    /**
     * Reads a public P-256 JWK, refusing private members and points off the curve (an invalid-curve
     * point in an ECDH-ES header would leak the private key bit by bit).
     *
     * @throws IllegalArgumentException when the JWK is not a public P-256 key
     */
    public static ECPublicKey fromJwk(JsonNode jwk) {
        if (jwk == null || !jwk.isObject() || !"EC".equals(jwk.path("kty").asText()) || !"P-256".equals(jwk.path("crv").asText())) {
            throw new IllegalArgumentException("not a P-256 JWK");
        }
        if (jwk.has("d")) {
            throw new IllegalArgumentException("a public JWK carries no private member");
        }
        byte[] x = Base64Url.decode(jwk.path("x").asText());
        byte[] y = Base64Url.decode(jwk.path("y").asText());
        if (x.length != COORDINATE_BYTES || y.length != COORDINATE_BYTES) {
            throw new IllegalArgumentException("P-256 coordinates are 32 bytes");
        }
        ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
        requireOnCurve(point);
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 key", e);
        }
    }

    /** @throws IllegalArgumentException when the key is not on P-256 */
    public static ECPublicKey requireP256(PublicKey key) {
        if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256
                || !ec.getParams().getCurve().equals(P256.getCurve())) {
            throw new IllegalArgumentException("not a P-256 key");
        }
        requireOnCurve(ec.getW());
        return ec;
    }

    public static String privateKeyToText(PrivateKey key) {
        return Base64Url.encode(key.getEncoded());
    }

    public static PrivateKey privateKeyFromText(String text) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64Url.decode(text)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 EC private key", e);
        }
    }

    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length == COORDINATE_BYTES) {
            return bytes;
        }
        byte[] fixed = new byte[COORDINATE_BYTES];
        int copy = Math.min(bytes.length, COORDINATE_BYTES);
        System.arraycopy(bytes, bytes.length - copy, fixed, COORDINATE_BYTES - copy, copy);
        return fixed;
    }

    private static void requireOnCurve(ECPoint point) {
        EllipticCurve curve = P256.getCurve();
        BigInteger p = ((ECFieldFp) curve.getField()).getP();
        BigInteger x = point.getAffineX();
        BigInteger y = point.getAffineY();
        if (point == ECPoint.POINT_INFINITY || x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
            throw new IllegalArgumentException("point outside the field");
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
        if (!left.equals(right)) {
            throw new IllegalArgumentException("point not on P-256");
        }
    }

    private static ECParameterSpec p256() {
        try {
            java.security.AlgorithmParameters parameters = java.security.AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides P-256", e);
        }
    }
}
