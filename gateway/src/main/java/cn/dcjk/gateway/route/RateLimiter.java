package cn.dcjk.gateway.route;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client (the caller's name, or its address without a token): refilled at a
 * steady rate up to a burst. Lock-free on the hot path apart from one bucket's own monitor.
 */
public final class RateLimiter {

    private final double perNano;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perSecond, int burst) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** 0 when the request may pass, otherwise the seconds to wait (at least 1). */
    public long acquire(String client) {
        long now = System.nanoTime();
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) * perNano);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b.tokens) / perNano / 1e9));
        }
    }

    /** Buckets idle long enough to be full again carry no state worth keeping. */
    public void prune() {
        long now = System.nanoTime();
        buckets.entrySet().removeIf(e -> (now - e.getValue().at) * perNano > burst);
    }
}
