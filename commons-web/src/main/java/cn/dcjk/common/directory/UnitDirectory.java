package cn.dcjk.common.directory;

import cn.dcjk.common.problem.Problems;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * The one directory client of the suite: units asked of plans-service through a {@link UnitLookup},
 * cached for a TTL. Concurrent lookups of one unit share one call; a unit found is kept for the TTL;
 * an absent unit and a failed call are not kept, so the next request asks again (a unit created a
 * moment ago is seen at once, an outage heals at once). A plain class: each service builds one
 * over its own client ({@code new UnitDirectory(lookup, ttl)}) and keeps it as a bean.
 *
 * <p>Non-blocking callers (the gateway) use {@link #unitAsync}; services on worker threads use
 * {@link #unit} and {@link #existing}, which turn an outage into the suite's 503 problem.
 */
public class UnitDirectory {

    private record Entry(CompletableFuture<Optional<UnitInfo>> value, long loadedAt) {
    }

    private final UnitLookup lookup;
    private final long ttlNanos;
    private final Duration wait;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Entry> units = new ConcurrentHashMap<>();

    public UnitDirectory(UnitLookup lookup, Duration ttl) {
        this(lookup, ttl, Duration.ofSeconds(10), System::nanoTime);
    }

    /** @param wait how long a blocking caller waits for an answer; {@code nanoTime} the clock (tests) */
    public UnitDirectory(UnitLookup lookup, Duration ttl, Duration wait, LongSupplier nanoTime) {
        this.lookup = lookup;
        this.ttlNanos = ttl.toNanos();
        this.wait = wait;
        this.nanoTime = nanoTime;
    }

    /** The unit; empty when the directory says it does not exist; failed with {@link DirectoryUnavailable}. */
    public CompletionStage<Optional<UnitInfo>> unitAsync(String code, String authorization) {
        long now = nanoTime.getAsLong();
        Entry cached = units.get(code);
        if (cached != null && (!cached.value().isDone() || now - cached.loadedAt() < ttlNanos)) {
            return cached.value();
        }
        CompletableFuture<Optional<UnitInfo>> mine = new CompletableFuture<>();
        Entry fresh = new Entry(mine, now);
        Entry raced = cached == null ? units.putIfAbsent(code, fresh)
                : units.replace(code, cached, fresh) ? null : units.get(code);
        if (raced != null && raced != fresh) {
            return raced.value();
        }
        CompletionStage<Optional<UnitInfo>> asked;
        try {
            asked = lookup.lookup(code, authorization);
        } catch (RuntimeException e) {
            asked = CompletableFuture.failedFuture(e);
        }
        asked.whenComplete((answer, error) -> {
            if (error != null || answer == null || answer.isEmpty()) {
                units.remove(code, fresh);
            }
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                mine.completeExceptionally(cause instanceof DirectoryUnavailable ? cause
                        : new DirectoryUnavailable("directory unavailable: " + cause.getMessage(), cause));
            } else {
                mine.complete(answer == null ? Optional.empty() : answer);
            }
        });
        return mine;
    }

    /** The unit, for a worker thread; 503 (nothing written, try again) when the directory cannot answer. */
    public Optional<UnitInfo> unit(String code) {
        try {
            return unitAsync(code, null).toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problems.unavailable("plans-service");
        } catch (ExecutionException | TimeoutException e) {
            throw Problems.unavailable("plans-service");
        }
    }

    /** The unit, or 400 naming the field when it does not exist or is retired. */
    public UnitInfo existing(String code, String field) {
        return unit(code).filter(u -> !u.retired())
                .orElseThrow(() -> Problems.invalid(field, "unknown unit " + code));
    }

    /** Forgets every cached unit (an operator's reload; tests). */
    public void forget() {
        units.clear();
    }
}
