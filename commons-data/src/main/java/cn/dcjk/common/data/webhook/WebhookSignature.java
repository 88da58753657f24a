package cn.dcjk.common.data.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The signature of a webhook delivery. Headers: {@code webhook-id} (the delivery id, the same on
 * every retry), {@code webhook-timestamp} (seconds since the epoch, of this attempt) and
 * {@code webhook-signature: v1,<base64 of HMAC-SHA256>}, computed with the subscription's secret
 * (its UTF-8 bytes) over the signing string {@code <webhook-id>.<webhook-timestamp>.<body>} (the
 * body byte for byte as received). A receiver recomputes it, compares in constant time, and
 * refuses timestamps older than a few minutes.
 */
public final class WebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private WebhookSignature() {
    }

    /** The {@code webhook-signature} header value. */
    public static String sign(String secret, String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
