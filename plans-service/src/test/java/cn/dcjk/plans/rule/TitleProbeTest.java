package cn.dcjk.plans.rule;

import cn.dcjk.plans.plan.PlanItem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nearby query finds the titles NO-SIMILAR-SERIES could judge similar by the bigrams of
 * {@link ItemMeasures#titleProbe}: every title at least as similar as the threshold holds one of them.
 * Checked over generated pairs of titles drawn from a small alphabet (so that similar pairs are common),
 * at several thresholds, punctuation and spaces included.
 */
class TitleProbeTest {

    private static final String ALPHABET = "安全生产检查督考核环保市县 ，。（）";

    static PlanItem titled(String title) {
        PlanItem i = new PlanItem();
        i.title = title;
        i.topics = new ArrayList<>();
        return i;
    }

    static String title(Random r, int min, int max) {
        StringBuilder b = new StringBuilder();
        int n = min + r.nextInt(max - min + 1);
        for (int k = 0; k < n; k++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** A title near the given one: a few characters changed, dropped or added. */
    static String near(Random r, String title) {
        StringBuilder b = new StringBuilder(title);
        for (int k = r.nextInt(3); k > 0 && b.length() > 1; k--) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(3)) {
                case 0 -> b.setCharAt(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 1 -> b.deleteCharAt(at);
                default -> b.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
            }
        }
        return b.toString();
    }

    @Test
    void everyTitleAsSimilarAsTheThresholdHoldsABigramOfTheProbe() {
        Random r = new Random(20261129);
        int similarPairs = 0;
        for (double threshold : new double[] {0.05, 0.3, 0.5, 0.6, 0.75, 0.9, 1.0}) {
            for (int k = 0; k < 4_000; k++) {
                String a = title(r, 2, 14);
                String b = r.nextBoolean() ? near(r, a) : title(r, 2, 14);
                double j = ItemMeasures.jaccard(ItemMeasures.bigrams(a), ItemMeasures.bigrams(b));
                if (j < threshold) {
                    continue;
                }
                similarPairs++;
                List<String> probe = ItemMeasures.titleProbe(a, threshold);
                String stripped = ItemMeasures.stripped(b);
                assertTrue(probe.stream().anyMatch(stripped::contains),
                        () -> "'" + b + "' is " + j + " similar to '" + a + "' but holds none of " + probe);
            }
        }
        assertTrue(similarPairs > 2_000, "similar pairs generated: " + similarPairs);
    }

    @Test
    void theProbeIsAsShortAsTheThresholdAllows() {
        // 8 bigrams at 0.6: a similar title holds at least 5 of them, so it holds one of any 4
        assertEquals(4, ItemMeasures.titleProbe("全市安全生产大检查", 0.6).size());
        assertEquals(1, ItemMeasures.titleProbe("全市安全生产大检查", 1.0).size());
        assertEquals(8, ItemMeasures.titleProbe("全市安全生产大检查", 0.01).size());
        assertEquals(List.of(), ItemMeasures.titleProbe("查", 0.6), "no bigram: no title is similar through it");
        assertNull(ItemMeasures.titleProbe("全市安全生产大检查", 0), "a threshold of 0: every title is");
        // characters outside the basic plane (a rare name in CJK Extension B): whole bigrams are asked for,
        // and a probe that would need half a character compares every nearby title instead
        assertEquals(List.of("ab", "bc"), ItemMeasures.titleProbe("abc\uD840\uDC00", 0.6));
        assertNull(ItemMeasures.titleProbe("\uD840\uDC00\uD840\uDC01", 0.6));
    }

    @Test
    void theWordsEveryTitleCarriesAreAskedForLast() {
        // 全市河湖水质专项检查: 9 bigrams; at 0.6 any 4 will do, and those of 全市, 专项, 检查 are not among them
        List<String> probe = ItemMeasures.titleProbe("全市河湖水质专项检查", 0.6);
        assertEquals(4, probe.size());
        assertTrue(probe.stream().noneMatch(b -> b.equals("全市") || b.equals("专项") || b.equals("检查")), probe.toString());
    }

    @Test
    void strippingIsTheSameAsTheRuleAlwaysDid() {
        assertEquals("全市安全生产大检查", ItemMeasures.stripped("全市 安全\t生产（大）检查。!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~《》“”、，："));
        assertEquals(Set.of("ab", "bc"), ItemMeasures.bigrams("a b-c"));
        // characters the rule never stripped stay: a full-width space and a full-width comma-like mark
        assertEquals("a\u3000b", ItemMeasures.stripped("a\u3000b"));
        assertTrue(ItemMeasures.similarity(titled("全市安全生产大检查"), titled("全市 安全生产（大）检查。")) == 1.0);
    }
}
