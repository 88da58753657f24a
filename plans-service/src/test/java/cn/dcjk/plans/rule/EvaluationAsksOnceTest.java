package cn.dcjk.plans.rule;

import cn.dcjk.plans.plan.Category;
import cn.dcjk.plans.plan.PlanItem;
import cn.dcjk.plans.plan.PlanType;
import cn.dcjk.plans.unit.Unit;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A check asks the store each nearby question once: NO-SIMILAR-SERIES and MERGE-SIMILAR share the
 * answer when they ask the same (the default gap), and still judge from it what they judged before.
 */
class EvaluationAsksOnceTest {

    static final class Counting extends PlanRulesTest.Store {
        int nearbyCalls;

        @Override
        public List<PlanItem> nearby(PlanItem item, int gapDays) {
            nearbyCalls++;
            return super.nearby(item, gapDays);
        }
    }

    static PlanRulebook.PlanVerdict evaluate(Counting store, PlanRuleParameters params, PlanItem... items) {
        Map<String, Unit> units = Map.of(PlanRulesTest.PROVINCE_ENV.code, PlanRulesTest.PROVINCE_ENV,
                PlanRulesTest.COUNTY_ENV.code, PlanRulesTest.COUNTY_ENV);
        return PlanRulebook.evaluate(PlanRulesTest.plan(PlanType.ANNUAL), List.of(items), units, Stage.DRY_RUN,
                LocalDate.of(2026, 12, 1), Map.of(), params, store);
    }

    static List<String> rules(PlanRulebook.PlanVerdict v) {
        return v.findings().stream().map(f -> f.rule()).toList();
    }

    @Test
    void oneNearbyQueryPerItemWhenBothRulesAskTheSame() {
        Counting store = new Counting();
        PlanItem stored = PlanRulesTest.item(Category.SPECIAL);
        store.approved.add(stored);
        PlanRulebook.PlanVerdict v = evaluate(store, new PlanRulesTest.Params(), PlanRulesTest.item(Category.SPECIAL));
        assertEquals(1, store.nearbyCalls);
        // the same title and topic at the same place and time: the series rule still refuses from the shared answer
        assertTrue(rules(v).contains("NO-SIMILAR-SERIES"), rules(v).toString());
        assertFalse(v.allows());
    }

    @Test
    void eachItemOfAPlanAsksItsOwnQuestion() {
        Counting store = new Counting();
        evaluate(store, new PlanRulesTest.Params(), PlanRulesTest.item(Category.SPECIAL), PlanRulesTest.item(Category.SPECIAL));
        assertEquals(2, store.nearbyCalls);
    }

    @Test
    void aWiderSeriesGapIsAQuestionOfItsOwn() {
        Counting store = new Counting();
        PlanRulesTest.Params wider = new PlanRulesTest.Params();
        wider.seriesGapDays = 30;
        PlanItem stored = PlanRulesTest.item(Category.SPECIAL);
        // 25 days after the item's period: inside the wider series gap, outside MERGE-SIMILAR's overlap
        stored.periodStart = LocalDate.of(2027, 6, 14);
        stored.periodEnd = LocalDate.of(2027, 6, 20);
        store.approved.add(stored);
        PlanRulebook.PlanVerdict v = evaluate(store, wider, PlanRulesTest.item(Category.SPECIAL));
        assertEquals(2, store.nearbyCalls);
        assertTrue(rules(v).contains("NO-SIMILAR-SERIES"), rules(v).toString());
        assertFalse(rules(v).contains("MERGE-SIMILAR"), rules(v).toString());
    }

    @Test
    void anItemWithNothingNearbyIsAllowedByBoth() {
        Counting store = new Counting();
        PlanRulebook.PlanVerdict v = evaluate(store, new PlanRulesTest.Params(), PlanRulesTest.item(Category.SPECIAL));
        assertEquals(1, store.nearbyCalls);
        assertFalse(rules(v).contains("NO-SIMILAR-SERIES"));
        assertFalse(rules(v).contains("MERGE-SIMILAR"));
    }
}
