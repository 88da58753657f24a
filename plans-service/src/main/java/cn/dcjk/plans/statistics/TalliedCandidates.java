package cn.dcjk.plans.statistics;

import cn.dcjk.plans.rule.Candidates;
import cn.dcjk.plans.rule.ForwardingCandidates;

import java.util.Map;
import java.util.Optional;

/**
 * The candidates the statistics hand to the rulebook's standing: grassroots counts and baselines
 * read for all organisers at once (one query each), everything else asked of the store as usual.
 */
final class TalliedCandidates extends ForwardingCandidates {

    private final Map<String, Long> grassroots;
    private final Map<String, Integer> baselines;

    /** Keys of both maps are {@code organiser + ":" + year}. */
    TalliedCandidates(Candidates store, Map<String, Long> grassroots, Map<String, Integer> baselines) {
        super(store);
        this.grassroots = grassroots;
        this.baselines = baselines;
    }

    static String key(String organiser, int year) {
        return organiser + ":" + year;
    }

    @Override
    public long grassrootsItems(String organiser, int year) {
        return grassroots.getOrDefault(key(organiser, year), 0L);
    }

    @Override
    public Optional<Integer> recordedBaseline(String organiser, int year) {
        return Optional.ofNullable(baselines.get(key(organiser, year)));
    }
}
