package cn.dcjk.common.request;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The binding between a decision and the request a service executes (article 27's channel).
 *
 * <p>The gateway stamps every write it admits with {@value #HEADER}: {@code v1.<decision id>.<issued at,
 * epoch seconds>.<HMAC-SHA256>}, the MAC taken over the decision id, the time, the method, the canonical
 * target as forwarded ({@link CanonicalTarget#encoded()}), the SHA-256 of the exact body bytes forwarded
 * and the SHA-256 of the Authorization header. A service that requires stamps recomputes each part
 * from its own reading of the request and refuses a write whose stamp is missing, stale, or made for
 * another request: a write that did not pass the gateway's policy, or was altered after it, is never
 * executed. The key is shared by the gateway and the services (a Kubernetes Secret; generated for
 * local runs); internal senders that hold it (the outbox relay) stamp their own deliveries.
 */
public final class AdmissionStamp {

    public static final String HEADER = "Dcjk-Admission";
    private static final Pattern SHAPE = Pattern.compile("v1\\.([0-9a-f-]{36})\\.([0-9]{1,12})\\.([A-Za-z0-9_-]{43})");
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;

    /** The outcome of a verification: empty when the stamp holds, otherwise why not. */
    public record Check(String decisionId, String problemEn, String problemZh) {
        public boolean ok() {
            return problemEn == null;
        }
    }

    public AdmissionStamp(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the admission key must hold at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** A key given as base64 (standard or URL-safe), as it comes from configuration. */
    public static Optional<AdmissionStamp> fromConfig(Optional<String> base64) {
        return base64.filter(s -> !s.isBlank()).map(s -> {
            String t = s.trim();
            byte[] bytes = t.indexOf('-') >= 0 || t.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(t)
                    : Base64.getDecoder().decode(t);
            return new AdmissionStamp(bytes);
        });
    }

    public String sign(String decisionId, long issuedAtEpochSeconds, String method, String target, String bodySha256,
            String authorization) {
        return "v1." + decisionId + "." + issuedAtEpochSeconds + "."
                + mac(decisionId, issuedAtEpochSeconds, method, target, bodySha256, authorization);
    }

    public Check verify(String header, String method, String target, String bodySha256, String authorization,
            long nowEpochSeconds, long maxAgeSeconds) {
        if (header == null || header.isBlank()) {
            return new Check(null, "the write carries no admission stamp: writes are admitted by the gateway",
                    "写请求缺少准入戳：写请求须经网关准入");
        }
        var m = SHAPE.matcher(header.trim());
        if (!m.matches()) {
            return new Check(null, "the admission stamp is malformed", "准入戳格式不正确");
        }
        String id = m.group(1);
        long at = Long.parseLong(m.group(2));
        if (at > nowEpochSeconds + 5 || nowEpochSeconds - at > maxAgeSeconds) {
            return new Check(id, "the admission stamp has expired", "准入戳已过期");
        }
        String expected = mac(id, at, method, target, bodySha256, authorization);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                m.group(3).getBytes(StandardCharsets.US_ASCII))) {
            return new Check(id, "the admission stamp was made for another request (method, path, body or caller)",
                    "准入戳与本请求（方法、路径、请求体或调用者）不符");
        }
        return new Check(id, null, null);
    }

    private String mac(String id, long at, String method, String target, String bodySha256, String authorization) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String text = "v1\n" + id + "\n" + at + "\n" + method + "\n" + target + "\n" + bodySha256 + "\n"
                    + sha256(authorization == null ? "" : authorization.trim());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of no body. */
    public static final String EMPTY_BODY = sha256(new byte[0]);
}
