import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.UUID;

/**
 * The benchmark's realm, run with the JDK's source launcher: {@code java BenchRealm.java DIR ISSUER N}.
 * Makes an RSA key for the run, writes its JWKS and OIDC discovery document under DIR/www (served by
 * nginx at ISSUER), and signs RS256 access tokens for audience dcjk-api: DIR/reader.token (a unit
 * officer), DIR/team.token (an inspection team dispatched by the province), DIR/other-audience.token
 * (a token of another client, which must be refused) and N distinct reader tokens in DIR/fresh.lua.
 */
public class BenchRealm {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String issuer = args[1];
        int fresh = Integer.parseInt(args[2]);
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair keys = gen.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        Path realm = dir.resolve("www" + issuer.replaceFirst("^https?://[^/]+", ""));
        Files.createDirectories(realm.resolve(".well-known"));
        Files.createDirectories(realm.resolve("protocol/openid-connect"));
        Files.writeString(realm.resolve("protocol/openid-connect/certs"), "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"bench\","
                + "\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\"" + B64.encodeToString(unsigned(pub.getModulus().toByteArray()))
                + "\",\"e\":\"" + B64.encodeToString(unsigned(pub.getPublicExponent().toByteArray())) + "\"}]}");
        Files.writeString(realm.resolve(".well-known/openid-configuration"), "{\"issuer\":\"" + issuer + "\","
                + "\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\",\"token_endpoint\":\"" + issuer
                + "/protocol/openid-connect/token\",\"authorization_endpoint\":\"" + issuer
                + "/protocol/openid-connect/auth\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        Files.writeString(dir.resolve("reader.token"),
                token(rs256, keys, issuer, "dcjk-api", "bench-reader", "unit-officer", "370100-PC", null));
        Files.writeString(dir.resolve("team.token"),
                token(rs256, keys, issuer, "dcjk-api", "bench-team", "inspection-team", "370100-PC", "370000-PC"));
        Files.writeString(dir.resolve("other-audience.token"),
                token(rs256, keys, issuer, "account", "bench-other", "unit-officer", "370100-PC", null));
        StringBuilder lua = new StringBuilder("local tokens = {\n");
        for (int i = 0; i < fresh; i++) {
            lua.append('"').append(token(rs256, keys, issuer, "dcjk-api", "bench-user-" + i, "unit-officer",
                    "370100-PC", null)).append("\",\n");
        }
        lua.append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n"
                + "  return wrk.format(\"GET\", nil, {[\"Authorization\"] = \"Bearer \" .. tokens[(i % #tokens) + 1]})\n"
                + "end\n");
        Files.writeString(dir.resolve("fresh.lua"), lua);
    }

    private static String token(Signature rs256, KeyPair keys, String issuer, String audience, String subject,
            String role, String unit, String dispatching) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8));
        String payload = "{\"iss\":\"" + issuer + "\",\"aud\":[\"" + audience + "\"],\"azp\":\"dcjk-web\",\"sub\":\""
                + subject + "\",\"preferred_username\":\"" + subject + "\",\"groups\":[\"" + role + "\"],\"unit_code\":\""
                + unit + "\"" + (dispatching == null ? "" : ",\"dispatching_unit_code\":\"" + dispatching + "\"")
                + ",\"iat\":" + now + ",\"exp\":" + (now + 7200) + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = header + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        rs256.initSign(keys.getPrivate());
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + B64.encodeToString(rs256.sign());
    }

    private static byte[] unsigned(byte[] b) {
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
