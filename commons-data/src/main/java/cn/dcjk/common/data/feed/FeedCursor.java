package cn.dcjk.common.data.feed;

import cn.dcjk.common.problem.Problems;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A position in one family's feed: the transaction id and sequence number of the last change
 * handed out, and the {@code updatedSince} the reader started from. Opaque to callers (base64url);
 * stable: the same cursor always answers the same changes, in the same order.
 */
record FeedCursor(String family, long tx, long seq, Long sinceMillis) {

    private static final Pattern FORMAT = Pattern.compile("v1\\|([a-z0-9-]{1,60})\\|(\\d{1,19})\\|(\\d{1,19})\\|(-|-?\\d{1,19})");

    static FeedCursor start(String family, OffsetDateTime since) {
        return new FeedCursor(family, 0, 0, since == null ? null : since.toInstant().toEpochMilli());
    }

    FeedCursor after(long tx, long seq) {
        return new FeedCursor(family, tx, seq, sinceMillis);
    }

    OffsetDateTime since() {
        return sinceMillis == null ? null : OffsetDateTime.ofInstant(Instant.ofEpochMilli(sinceMillis),
                java.time.ZoneOffset.UTC);
    }

    String encode() {
        String plain = "v1|" + family + "|" + tx + "|" + seq + "|" + (sinceMillis == null ? "-" : sinceMillis);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor, or 400 naming the field when it is not one of this family's. */
    static FeedCursor decode(String family, String text) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        Matcher m = FORMAT.matcher(plain);
        if (!m.matches() || !m.group(1).equals(family)) {
            throw invalid();
        }
        try {
            long tx = Long.parseLong(m.group(2));
            long seq = Long.parseLong(m.group(3));
            Long since = m.group(4).equals("-") ? null : Long.parseLong(m.group(4));
            if (tx < 0 || seq < 0) {
                throw invalid();
            }
            return new FeedCursor(family, tx, seq, since);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static RuntimeException invalid() {
        return Problems.invalid("cursor", "not a cursor of this feed; pass the `next` of an earlier answer");
    }
}
