package cn.dcjk.plans.benchmark;

import cn.dcjk.common.directory.UnitDirectory;
import cn.dcjk.common.directory.UnitInfo;
import cn.dcjk.plans.unit.UnitInput;
import cn.dcjk.plans.unit.province.ProvinceTree;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Not a test: the services' directory cache (the suite's one {@link UnitDirectory}, which
 * inspections-service and accountability-service keep over their calls to plans-service) holding
 * a seed's worth of units against holding Shandong's whole tree. Each phase looks up random units
 * of what it holds, warm; the nanoseconds per lookup and their ratio are printed, and the lookups
 * timed never reach plans-service (counted). Run:
 * {@code ./mvnw -pl plans-service -am verify -Dgroups=benchmark -Ddcjk.excluded-groups=none -Dtest=DirectoryCacheBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class DirectoryCacheBenchmark {

    static final int SEED_SIZE = 132;
    static final int LOOKUPS = 200_000;
    static final int ROUNDS = 31;

    @Test
    void lookupsStayFlatWithTheWholeTree() {
        Map<String, UnitInfo> tree = ProvinceTree.units().stream().map(DirectoryCacheBenchmark::info)
                .collect(Collectors.toMap(UnitInfo::code, Function.identity()));
        List<String> all = new ArrayList<>(tree.keySet());
        Collections.sort(all);
        Collections.shuffle(all, new java.util.Random(13));
        List<String> seed = all.subList(0, SEED_SIZE);

        AtomicLong asked = new AtomicLong();
        UnitDirectory directory = new UnitDirectory((code, auth) -> {
            asked.incrementAndGet();
            return CompletableFuture.completedFuture(Optional.ofNullable(tree.get(code)));
        }, Duration.ofHours(1));

        double few = phase(directory, seed, seed, asked);
        directory.forget();
        double sameKeys = phase(directory, all, seed, asked);
        double anyKeys = phase(directory, all, all, asked);
        System.out.printf("%nBENCHMARK province scale (directory cache)%n"
                        + "  the same %d units looked up: %.0f ns holding them, %.0f ns holding the whole tree (%d), ratio %.2f%n"
                        + "  random units of what it holds: %.0f ns of %d, %.0f ns of %d, ratio %.2f (memory caches, not the map)%n",
                seed.size(), few, sameKeys, all.size(), sameKeys / few, few, seed.size(), anyKeys, all.size(), anyKeys / few);
    }

    /** Loads {@code held} into the cache, then the median ns per lookup of random ones of {@code codes}; none reaches the lookup. */
    static double phase(UnitDirectory directory, List<String> held, List<String> codes, AtomicLong asked) {
        held.forEach(directory::unit);
        int[] order = new java.util.Random(7).ints(LOOKUPS, 0, codes.size()).toArray();
        long before = asked.get();
        List<Double> rounds = new ArrayList<>();
        long sink = 0;
        for (int r = 0; r < ROUNDS + 10; r++) {
            long t0 = System.nanoTime();
            for (int i : order) {
                sink += directory.unit(codes.get(i)).map(u -> u.code().length()).orElse(0);
            }
            if (r >= 10) {
                rounds.add((System.nanoTime() - t0) / (double) LOOKUPS);
            }
        }
        assertEquals(before, asked.get(), "every timed lookup came from the cache");
        assertEquals(true, sink > 0);
        Collections.sort(rounds);
        return rounds.get(rounds.size() / 2);
    }

    static UnitInfo info(UnitInput u) {
        return new UnitInfo(u.code(), u.name(), u.nameEn(), u.level().name(), u.kind().name(),
                u.branch() == null ? null : u.branch().name(), u.regionCode(), u.parentCode(), false);
    }
}
