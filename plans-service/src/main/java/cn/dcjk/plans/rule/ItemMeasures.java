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

    /**
     * What a title loses before its bigrams are taken: white space and ASCII punctuation (Java's
     * {@code \\s} and {@code \\p{Punct}}) and the CJK punctuation titles carry. The database strips the
     * same characters (SQL {@code translate}) when it looks for items a title could be similar to.
     */
    public static final String STRIPPED = " \t\n\u000B\f\r!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~（）《》“”、，。：";

    static String stripped(String title) {
        StringBuilder b = new StringBuilder(title.length());
        for (int k = 0; k < title.length(); k++) {
            char ch = title.charAt(k);
            if (STRIPPED.indexOf(ch) < 0) {
                b.append(ch);
            }
        }
        return b.toString();
    }

    static Set<String> bigrams(String title) {
        String t = stripped(title);
        Set<String> s = new HashSet<>();
        for (int k = 0; k + 1 < t.length(); k++) {
            s.add(t.substring(k, k + 2));
        }
        return s;
    }

    /**
     * Bigrams of this title of which every title at least {@code threshold} similar to it (Jaccard of
     * bigrams) holds one: if J(A, B) ≥ t then |A ∩ B| ≥ ⌈t·|A|⌉, so B misses at most |A| − ⌈t·|A|⌉ of A's
     * bigrams, and any |A| − ⌈t·|A|⌉ + 1 of them include one B holds (prefix filtering). Empty when no
     * title can reach the threshold through this one's bigrams (it has none); null when every title
     * reaches it (a threshold of 0 or less, or a title whose probe would have to cut a character outside
     * the basic plane in half: then every nearby title is compared).
     */
    public static List<String> titleProbe(String title, double threshold) {
        if (threshold <= 0) {
            return null;
        }
        List<String> all = new java.util.ArrayList<>(new java.util.TreeSet<>(bigrams(title)));
        // any n − ⌈t·n⌉ + 1 bigrams will do: the rarest find the fewest rows, so bigrams of the words every
        // title of this trade carries go last; a bigram that cuts a character outside the basic plane in half
        // cannot be asked for as text and goes after all
        all.sort(java.util.Comparator.comparing(ItemMeasures::halvesACharacter)
                .thenComparingInt(ItemMeasures::commonness));
        int keep = Math.max(0, Math.min(all.size(), all.size() - (int) Math.ceil(threshold * all.size() - 1e-9) + 1));
        List<String> probe = all.subList(0, keep);
        return probe.stream().anyMatch(ItemMeasures::halvesACharacter) ? null : List.copyOf(probe);
    }

    /** Characters of the words nearly every title of an inspection carries (督查、检查、考核、专项、工作、全市…). */
    private static final String COMMON = "督查检考核评估调研指导专项行动工作全省市县区乡镇开展情况落实推进问题整改年度";

    private static int commonness(String bigram) {
        return (COMMON.indexOf(bigram.charAt(0)) >= 0 ? 1 : 0) + (COMMON.indexOf(bigram.charAt(1)) >= 0 ? 1 : 0);
    }

    private static boolean halvesACharacter(String bigram) {
        return Character.isSurrogate(bigram.charAt(0)) || Character.isSurrogate(bigram.charAt(1));
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
