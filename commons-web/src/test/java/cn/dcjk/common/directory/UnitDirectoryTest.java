package cn.dcjk.common.directory;

import cn.dcjk.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnitDirectoryTest {

    static final UnitInfo COUNTY = new UnitInfo("370102-D-ENV", "局", "Bureau", "COUNTY", "DEPARTMENT", "GOVERNMENT",
            "370102", "370102-GOV", false);
    static final UnitInfo PROVINCE = new UnitInfo("370000-D-ENV", "厅", "Department", "PROVINCE", "DEPARTMENT",
            "GOVERNMENT", "370000", "370000-GOV", false);

    final AtomicLong clock = new AtomicLong();
    final AtomicInteger calls = new AtomicInteger();

    UnitDirectory over(UnitLookup lookup) {
        return new UnitDirectory((code, auth) -> {
            calls.incrementAndGet();
            return lookup.lookup(code, auth);
        }, Duration.ofSeconds(60), Duration.ofSeconds(1), clock::get);
    }

    static CompletionStage<Optional<UnitInfo>> found(UnitInfo u) {
        return CompletableFuture.completedFuture(Optional.of(u));
    }

    @Test
    void aUnitFoundIsKeptForTheTtlThenAskedAgain() {
        UnitDirectory d = over((code, auth) -> found(COUNTY));
        assertEquals(Optional.of(COUNTY), d.unit("370102-D-ENV"));
        clock.set(Duration.ofSeconds(59).toNanos());
        d.unit("370102-D-ENV");
        assertEquals(1, calls.get());
        clock.set(Duration.ofSeconds(60).toNanos());
        d.unit("370102-D-ENV");
        assertEquals(2, calls.get());
    }

    @Test
    void concurrentLookupsShareOneCall() {
        CompletableFuture<Optional<UnitInfo>> pending = new CompletableFuture<>();
        UnitDirectory d = over((code, auth) -> pending);
        CompletionStage<Optional<UnitInfo>> a = d.unitAsync("370102-D-ENV", "Bearer a");
        CompletionStage<Optional<UnitInfo>> b = d.unitAsync("370102-D-ENV", "Bearer b");
        assertSame(a, b);
        pending.complete(Optional.of(COUNTY));
        assertEquals(Optional.of(COUNTY), b.toCompletableFuture().join());
        assertEquals(1, calls.get());
    }

    @Test
    void anAbsentUnitIsNotKeptAndAnUnknownCodeIsABadRequestNamingTheField() {
        UnitDirectory d = over((code, auth) -> CompletableFuture.completedFuture(Optional.empty()));
        assertTrue(d.unit("370999-X").isEmpty());
        d.unit("370999-X");
        assertEquals(2, calls.get());
        ProblemException e = assertThrows(ProblemException.class, () -> d.existing("370999-X", "recipientUnitCode"));
        assertEquals(400, e.status());
    }

    @Test
    void anOutageIsA503AndIsNotKept() {
        AtomicInteger n = new AtomicInteger();
        UnitDirectory d = over((code, auth) -> n.getAndIncrement() == 0
                ? CompletableFuture.failedFuture(new RuntimeException("connection refused")) : found(COUNTY));
        ProblemException e = assertThrows(ProblemException.class, () -> d.unit("370102-D-ENV"));
        assertEquals(503, e.status());
        assertEquals(Optional.of(COUNTY), d.unit("370102-D-ENV"));
    }

    @Test
    void aFailedStageCarriesDirectoryUnavailable() {
        UnitDirectory d = over((code, auth) -> {
            throw new IllegalStateException("client not ready");
        });
        Throwable t = assertThrows(Exception.class, () -> d.unitAsync("a", null).toCompletableFuture().join());
        assertTrue(t.getCause() instanceof DirectoryUnavailable);
    }

    @Test
    void lowerThanIsRegionStrictlyInside() {
        assertTrue(COUNTY.lowerThan(PROVINCE));
        assertFalse(PROVINCE.lowerThan(COUNTY));
        assertFalse(COUNTY.lowerThan(COUNTY));
    }
}
