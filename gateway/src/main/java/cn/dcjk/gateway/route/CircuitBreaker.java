package cn.dcjk.gateway.route;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lock-free breaker per upstream: after N consecutive failures it opens and refuses at once (503)
 * for a while, then lets a single trial through; a success closes it.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final long openNanos;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong openedAt = new AtomicLong(-1);
    private final AtomicLong trialAt = new AtomicLong(-1);

    public CircuitBreaker(int threshold, Duration openFor) {
        this.threshold = threshold;
        this.openNanos = openFor.toNanos();
    }

    /** Whether a request may go out now. */
    public boolean allow() {
        long opened = openedAt.get();
        if (opened < 0) {
            return true;
        }
        long now = System.nanoTime();
        if (now - opened < openNanos) {
            return false;
        }
        long trial = trialAt.get();
        // one trial per open period: the first caller after the wait wins it
        return (trial < opened || now - trial >= openNanos) && trialAt.compareAndSet(trial, now);
    }

    public void success() {
        failures.set(0);
        openedAt.set(-1);
    }

    public void failure() {
        if (failures.incrementAndGet() >= threshold) {
            openedAt.set(System.nanoTime());
        }
    }

    /** Seconds until an open breaker lets a trial through (at least 1), for Retry-After. */
    public long retryAfterSeconds() {
        long opened = openedAt.get();
        if (opened < 0) {
            return 1;
        }
        long left = openNanos - (System.nanoTime() - opened);
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    public boolean open() {
        return openedAt.get() >= 0;
    }
}
