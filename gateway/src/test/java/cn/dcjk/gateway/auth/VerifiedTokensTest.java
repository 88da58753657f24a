package cn.dcjk.gateway.auth;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache of verified tokens honours each token's expiry, its own lifetime and its bound. */
class VerifiedTokensTest {

    private static final CallerIdentity READER = new CallerIdentity("reader", Set.of("unit-officer"), "370100-PC", null);

    @Test
    void aTokenIsRememberedUntilItExpiresAndNotAMillisecondLonger() {
        VerifiedTokens cache = new VerifiedTokens(100, 300_000);
        cache.put("a.b.c", READER, 10_000, 1_000);
        assertSame(READER, cache.get("a.b.c", 1_000));
        assertSame(READER, cache.get("a.b.c", 9_999));
        assertNull(cache.get("a.b.c", 10_000), "expired at exp");
        assertEquals(0, cache.size(), "an expired entry is dropped when met");
    }

    @Test
    void theCachesLifetimeCapsATokenThatExpiresLater() {
        VerifiedTokens cache = new VerifiedTokens(100, 5_000);
        cache.put("a.b.c", READER, 1_000_000, 1_000);
        assertSame(READER, cache.get("a.b.c", 5_999));
        assertNull(cache.get("a.b.c", 6_000));
    }

    @Test
    void onlyTheExactTokenMatches() {
        VerifiedTokens cache = new VerifiedTokens(100, 300_000);
        cache.put("a.b.c", READER, 10_000, 1_000);
        assertNull(cache.get("a.b.d", 2_000));
        assertNull(cache.get("a.b.c ", 2_000));
    }

    @Test
    void anExpiredTokenIsNeverRemembered() {
        VerifiedTokens cache = new VerifiedTokens(100, 300_000);
        cache.put("a.b.c", READER, 1_000, 1_000);
        assertNull(cache.get("a.b.c", 1_000));
        assertEquals(0, cache.size());
    }

    @Test
    void theCacheStaysWithinItsBound() {
        VerifiedTokens cache = new VerifiedTokens(50, 300_000);
        for (int i = 0; i < 1_000; i++) {
            cache.put("token-" + i, READER, 100_000, 1_000);
            assertTrue(cache.size() <= 50, "size " + cache.size());
        }
        assertSame(READER, cache.get("token-999", 2_000), "the newest is kept");
    }

    @Test
    void sizeZeroRemembersNothing() {
        VerifiedTokens cache = new VerifiedTokens(0, 300_000);
        cache.put("a.b.c", READER, 10_000, 1_000);
        assertNull(cache.get("a.b.c", 2_000));
    }

    @Test
    void aTokenSeenBeforeOnThisThreadIsStillHeldToItsDeadline() {
        VerifiedTokens cache = new VerifiedTokens(100, 300_000);
        cache.put("a.b.c", READER, 10_000, 1_000);
        for (int i = 0; i < 5; i++) {
            assertSame(READER, cache.get("a.b.c", 2_000 + i), "remembered, from the map then from the thread's memo");
        }
        assertSame(READER, cache.get("a.b.c", 9_999));
        assertNull(cache.get("a.b.c", 10_000), "the memo is never consulted past the entry's deadline");
        assertEquals(0, cache.size());
    }

    @Test
    void theMemoMatchesTheExactTextOnly() {
        VerifiedTokens cache = new VerifiedTokens(100, 300_000);
        cache.put("a.b.c", READER, 10_000, 1_000);
        assertSame(READER, cache.get("a.b.c", 2_000));
        assertNull(cache.get("a.b.d", 2_000), "same length, one character apart");
        assertNull(cache.get("A.b.c", 2_000));
        assertNull(cache.get("a.b.", 2_000));
    }

    @Test
    void anotherCacheOnTheSameThreadSeesNothingOfThisOne() {
        VerifiedTokens one = new VerifiedTokens(100, 300_000);
        VerifiedTokens other = new VerifiedTokens(100, 300_000);
        one.put("a.b.c", READER, 10_000, 1_000);
        assertSame(READER, one.get("a.b.c", 2_000));
        assertNull(other.get("a.b.c", 2_000));
    }

    @Test
    void manyTokensInTurnAreEachAnsweredRight() {
        VerifiedTokens cache = new VerifiedTokens(1_000, 300_000);
        CallerIdentity[] callers = new CallerIdentity[40];
        for (int i = 0; i < callers.length; i++) {
            callers[i] = new CallerIdentity("c" + i, Set.of("unit-officer"), "370100-PC", null);
            cache.put("token-" + i, callers[i], 100_000 + i, 1_000);
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < callers.length; i++) {
                assertSame(callers[i], cache.get("token-" + i, 2_000), "token-" + i);
            }
        }
        assertNull(cache.get("token-39", 100_039), "each at its own deadline");
        assertSame(callers[38], cache.get("token-38", 100_037));
    }
}
