package fr.passerelle.wallet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.zip.Deflater;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A PID provider's Token Status List with 1-bit entries, and a source serving it that can fail on demand. */
final class TestStatusList implements StatusListSource {

    final byte[] bits = new byte[16];
    TestPki.Issued signer;
    String typ = "statuslist+jwt";
    String sub = TestPid.STATUS_URI;
    Long ttl = 300L;
    Instant exp = Instant.now().plusSeconds(3600);
    boolean reachable = true;
    int fetches;

    TestStatusList(TestPki.Issued signer) {
        this.signer = signer;
    }

    void revoke(int index) {
        bits[index / 8] |= (byte) (1 << (index % 8));
    }

    @Override
    public String fetch(String uri) throws IOException {
        fetches++;
        if (!reachable || !TestPid.STATUS_URI.equals(uri)) {
            throw new IOException("unreachable");
        }
        return token();
    }

    String token() {
        ObjectNode header = Json.object();
        header.put("typ", typ);
        header.set("x5c", signer.x5c());
        ObjectNode payload = Json.object();
        payload.put("sub", sub);
        payload.put("iat", Instant.now().getEpochSecond());
        if (exp != null) {
            payload.put("exp", exp.getEpochSecond());
        }
        if (ttl != null) {
            payload.put("ttl", ttl);
        }
        ObjectNode list = payload.putObject("status_list");
        list.put("bits", 1);
        list.put("lst", Base64Url.encode(deflate(bits)));
        return Jws.sign(header, payload, signer.keys().getPrivate());
    }

    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(input);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
