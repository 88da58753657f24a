package cn.dcjk.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that passed the full check, remembered for their remaining lifetime and no longer: keyed by
 * the SHA-256 of the token (the token itself is not kept), each entry valid until the token's
 * {@code exp} or {@code lifetime} after it was verified, whichever comes first. Bounded: when full,
 * expired entries go first, then arbitrary ones (a forgotten token is simply verified again).
 * Failed tokens are never remembered.
 *
 * <p>In front of the map, each thread (an event loop) keeps the last few tokens it admitted by their
 * exact text, each with its entry's deadline: a client sends the same token on request after request,
 * and a hit costs a string comparison instead of a digest. A memo is only a copy of an entry; it is
 * never consulted past that entry's deadline.
 */
final class VerifiedTokens {

    private record Entry(CallerIdentity caller, long validUntil) {
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final int max;
    private final long lifetimeMillis;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    VerifiedTokens(int max, long lifetimeMillis) {
        this.max = max;
        this.lifetimeMillis = lifetimeMillis;
    }

    /** The caller of a remembered token still valid at {@code now}, else null. */
    CallerIdentity get(String token, long now) {
        if (max <= 0) {
            return null;
        }
        Memo memo = memos.get();
        Entry seen = memo.find(token, now);
        if (seen != null) {
            return seen.caller();
        }
        String key = key(token);
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (now >= e.validUntil()) {
            entries.remove(key, e);
            return null;
        }
        memo.keep(token, e);
        return e.caller();
    }

    /** The last {@link Memo#SIZE} tokens a thread found in the map, by exact text, round robin. */
    private static final class Memo {
        static final int SIZE = 8;
        final String[] tokens = new String[SIZE];
        final Entry[] found = new Entry[SIZE];
        int next;

        Entry find(String token, long now) {
            for (int i = 0; i < SIZE; i++) {
                String t = tokens[i];
                if (t != null && t.length() == token.length() && t.equals(token)) {
                    Entry e = found[i];
                    if (now < e.validUntil()) {
                        return e;
                    }
                    tokens[i] = null;
                    found[i] = null;
                    return null;
                }
            }
            return null;
        }

        void keep(String token, Entry e) {
            tokens[next] = token;
            found[next] = e;
            next = (next + 1) % SIZE;
        }
    }

    private final ThreadLocal<Memo> memos = ThreadLocal.withInitial(Memo::new);

    void put(String token, CallerIdentity caller, long expiresAt, long now) {
        if (max <= 0 || expiresAt <= now) {
            return;
        }
        if (entries.size() >= max) {
            evict(now);
        }
        entries.put(key(token), new Entry(caller, Math.min(expiresAt, now + lifetimeMillis)));
    }

    int size() {
        return entries.size();
    }

    private void evict(long now) {
        entries.values().removeIf(e -> now >= e.validUntil());
        Iterator<String> it = entries.keySet().iterator();
        int excess = entries.size() - max + Math.max(1, max / 10);
        while (excess-- > 0 && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private static String key(String token) {
        byte[] digest = SHA256.get().digest(token.getBytes(StandardCharsets.ISO_8859_1));
        return new String(digest, StandardCharsets.ISO_8859_1);
    }
}
