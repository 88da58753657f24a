package cn.dcjk.plans.rule;

import cn.dcjk.plans.plan.PlanItem;

import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Measures several plan rules share: how similar two items are, how far apart, whether they meet. */
public final class ItemMeasures {

    private ItemMeasures() {
    }

    /** Items near this one (other than itself) whose periods lie within gapDays of its period. */
    static List<PlanItem> nearbyOverlapping(ItemContext c, int gapDays) {
        return c.candidates().nearby(c.item(), gapDays).stream()
                .filter(o -> o.id == null || !o.id.equals(c.item().id))
                .filter(o -> gapDays(c.item(), o) <= gapDays)
                .toList();
    }

    /** Days between two periods; zero or negative when they overlap. */
    public static long gapDays(PlanItem a, PlanItem b) {
        if (!a.periodEnd.isBefore(b.periodStart) && !b.periodEnd.isBefore(a.periodStart)) {
            return 0;
        }
        return a.periodEnd.isBefore(b.periodStart) ? ChronoUnit.DAYS.between(a.periodEnd, b.periodStart)
                : ChronoUnit.DAYS.between(b.periodEnd, a.periodStart);
    }

    /** The larger of the topics' and the titles' (character bigrams) Jaccard similarity. */
    public static double similarity(PlanItem a, PlanItem b) {
        return Math.max(jaccard(normalise(a.topics), normalise(b.topics)), jaccard(bigrams(a.title), bigrams(b.title)));
    }

    static Set<String> normalise(List<String> topics) {
        Set<String> s = new HashSet<>();
        topics.forEach(t -> s.add(t.trim().toLowerCase(Locale.ROOT)));
        return s;
    }

    static Set<String> bigrams(String title) {
        String t = title.replaceAll("[\\s\\p{Punct}（）《》“”、，。：]", "");
        Set<String> s = new HashSet<>();
        for (int k = 0; k + 1 < t.length(); k++) {
            s.add(t.substring(k, k + 2));
        }
        return s;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> inter = new HashSet<>(a);
        inter.retainAll(b);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return (double) inter.size() / union.size();
    }

    /** Explicit targets meet when they share a unit; a scope meets whatever lies in or around its region. */
    static boolean touchSamePlace(PlanItem a, PlanItem b) {
        if (!a.targetUnitCodes.isEmpty() && !b.targetUnitCodes.isEmpty()) {
            return a.targetUnitCodes.stream().anyMatch(b.targetUnitCodes::contains);
        }
        return regionsMeet(a.targetRegionPrefix, b.targetRegionPrefix);
    }

    static boolean regionsMeet(String a, String b) {
        return a.startsWith(b) || b.startsWith(a);
    }

    static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
