package cn.dcjk.accountability.rules;

import cn.dcjk.accountability.casework.CaseStatus;
import cn.dcjk.common.rule.Backtracing;
import cn.dcjk.accountability.complaint.ComplaintStatus;
import cn.dcjk.common.directory.UnitInfo;
import cn.dcjk.accountability.referral.ReferralKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each policy alone: allowed, refused and the boundary. */
class PoliciesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final UnitInfo PROVINCIAL_DEPT = new UnitInfo("370000-D-ENV", "", "", "PROVINCE", "DEPARTMENT", "GOVERNMENT",
            "370000", null, false);
    static final UnitInfo COUNTY_DEPT = new UnitInfo("370102-D-ENV", "", "", "COUNTY", "DEPARTMENT", "GOVERNMENT",
            "370102", null, false);
    static final UnitInfo CITY_DEPT = new UnitInfo("370100-D-ENV", "", "", "CITY", "DEPARTMENT", "GOVERNMENT",
            "370100", null, false);
    static final UnitInfo COUNTY_DIS = new UnitInfo("370102-DIS", "", "", "COUNTY", "DISCIPLINE_COMMISSION", "PARTY",
            "370102", null, false);
    static final UnitInfo CITY_ORG = new UnitInfo("370100-ORG", "", "", "CITY", "ORGANIZATION_DEPARTMENT", "PARTY",
            "370100", null, false);

    @Test
    void lawfulRoute() {
        assertTrue(new LawfulRoute().judge(new LawfulRoute.Referral("370000-D-ENV", "370000-D-ENV")).isEmpty());
        var refused = new LawfulRoute().judge(new LawfulRoute.Referral("370000-D-ENV", "370102-DIS"));
        assertEquals(1, refused.size());
        assertEquals("370000-D-ENV", refused.get(0).facts().get("lawfulRecipient"));
        assertTrue(refused.get(0).blocks());
        assertEquals(1, new LawfulRoute().judge(new LawfulRoute.Referral(null, "370000-D-ENV")).size());
    }

    @Test
    void noDirectDemand() {
        assertTrue(new NoDirectDemand().judge(new NoDirectDemand.Context(ReferralKind.PROBLEM_CLUE)).isEmpty());
        assertTrue(new NoDirectDemand().judge(new NoDirectDemand.Context(ReferralKind.ACCOUNTABILITY_SUGGESTION)).isEmpty());
        assertTrue(new NoDirectDemand().judge(new NoDirectDemand.Context(ReferralKind.ACCOUNTABILITY_DEMAND)).get(0).blocks());
        assertTrue(new NoDirectDemand().judge(new NoDirectDemand.Context(ReferralKind.START_ACCOUNTABILITY)).get(0).blocks());
    }

    @Test
    void competentBody() {
        // same level, higher level: competent; another region or another kind: not
        assertTrue(new LawfulRoute().judge(new LawfulRoute.HandOn(COUNTY_DIS, List.of(COUNTY_DEPT))).isEmpty());
        assertTrue(new LawfulRoute().judge(new LawfulRoute.HandOn(CITY_ORG, List.of(COUNTY_DEPT, CITY_DEPT))).isEmpty());
        assertEquals(1, new LawfulRoute().judge(new LawfulRoute.HandOn(COUNTY_DIS, List.of(CITY_DEPT))).size());
        assertEquals(1, new LawfulRoute().judge(new LawfulRoute.HandOn(PROVINCIAL_DEPT, List.of(COUNTY_DEPT))).size());
    }

    @Test
    void procedureAllowsOnlyTheNextStep() {
        assertTrue(new Procedure(30).judge(new Procedure.Context(CaseStatus.OPENED, CaseStatus.INVESTIGATING, null, null, null, TODAY)).isEmpty());
        assertTrue(new Procedure(30).judge(new Procedure.Context(CaseStatus.HEARD, CaseStatus.DECIDED, null, null, null, TODAY)).isEmpty());
        assertFalse(new Procedure(30).judge(new Procedure.Context(CaseStatus.INVESTIGATING, CaseStatus.DECIDED, null, null, null, TODAY)).isEmpty());
        assertFalse(new Procedure(30).judge(new Procedure.Context(CaseStatus.OPENED, CaseStatus.OPENED, null, null, null, TODAY)).isEmpty());
        assertFalse(new Procedure(30).judge(new Procedure.Context(CaseStatus.DECIDED, CaseStatus.CLOSED, null, null, null, TODAY)).isEmpty());
        assertFalse(new Procedure(30).judge(new Procedure.Context(CaseStatus.REVIEWED, CaseStatus.APPEALED, null, null, TODAY, TODAY)).isEmpty());
    }

    @Test
    void appealWindowBoundary() {
        assertTrue(new Procedure(30).judge(new Procedure.Context(CaseStatus.NOTIFIED, CaseStatus.APPEALED, null, null, TODAY, TODAY)).isEmpty());
        assertTrue(new Procedure(30).judge(new Procedure.Context(CaseStatus.CLOSED, CaseStatus.APPEALED, null, null, TODAY.minusDays(30), TODAY)).isEmpty());
        var late = new Procedure(30).judge(new Procedure.Context(CaseStatus.CLOSED, CaseStatus.APPEALED, null, null, TODAY.minusDays(31), TODAY));
        assertEquals(1, late.size());
        assertEquals(31L, late.get(0).facts().get("daysSinceNotification"));
        // the parameter is the operator's
        assertTrue(new Procedure(31).judge(new Procedure.Context(CaseStatus.NOTIFIED, CaseStatus.APPEALED, null, null, TODAY.minusDays(31), TODAY)).isEmpty());
    }

    @Test
    void noBlameShiftingWarnsOnly() {
        var warned = new NoBlameShifting().judge(new NoBlameShifting.Context("UPPER_LEVEL", PROVINCIAL_DEPT, List.of(COUNTY_DEPT)));
        assertEquals(1, warned.size());
        assertFalse(warned.get(0).blocks());
        assertTrue(new NoBlameShifting().judge(new NoBlameShifting.Context("INSPECTED_UNIT", PROVINCIAL_DEPT, List.of(COUNTY_DEPT))).isEmpty());
        assertTrue(new NoBlameShifting().judge(new NoBlameShifting.Context(null, PROVINCIAL_DEPT, List.of(COUNTY_DEPT))).isEmpty());
        // a city department is not grassroots
        assertTrue(new NoBlameShifting().judge(new NoBlameShifting.Context("upper", PROVINCIAL_DEPT, List.of(CITY_DEPT))).isEmpty());
    }

    @Test
    void complaintOutcome() {
        assertTrue(new ComplaintOutcome().judge(new ComplaintOutcome.Context(ComplaintStatus.VERIFYING, ComplaintStatus.UNFOUNDED, false, true)).isEmpty());
        assertFalse(new ComplaintOutcome().judge(new ComplaintOutcome.Context(ComplaintStatus.VERIFYING, ComplaintStatus.UNFOUNDED, false, false)).isEmpty());
        assertFalse(new ComplaintOutcome().judge(new ComplaintOutcome.Context(ComplaintStatus.VERIFYING, ComplaintStatus.SUBSTANTIATED, false, false)).isEmpty());
        assertFalse(new ComplaintOutcome().judge(new ComplaintOutcome.Context(ComplaintStatus.RECEIVED, ComplaintStatus.FALSE_ACCUSATION, false, false)).isEmpty());
        assertTrue(new ComplaintOutcome().judge(new ComplaintOutcome.Context(ComplaintStatus.VERIFYING, ComplaintStatus.FALSE_ACCUSATION, false, false)).isEmpty());
    }

    @Test
    void overdueBoundary() {
        assertFalse(ComplaintOutcome.overdue(TODAY.minusDays(90), TODAY, 90));
        assertTrue(ComplaintOutcome.overdue(TODAY.minusDays(91), TODAY, 90));
        assertFalse(ComplaintOutcome.overdue(TODAY, TODAY, 90));
    }

    @Test
    void art25AStepIsNeverDatedInTheFutureNorBeforeTheStepItFollows() {
        Procedure rule = new Procedure(30);
        // the day of the step before and today are both allowed
        assertTrue(rule.judge(new Procedure.Context(CaseStatus.INVESTIGATING, CaseStatus.HEARD, TODAY.minusDays(3),
                TODAY.minusDays(3), null, TODAY)).isEmpty());
        assertTrue(rule.judge(new Procedure.Context(CaseStatus.DECIDED, CaseStatus.NOTIFIED, TODAY, TODAY.minusDays(3),
                null, TODAY)).isEmpty());
        var backdated = rule.judge(new Procedure.Context(CaseStatus.INVESTIGATING, CaseStatus.HEARD, TODAY.minusDays(4),
                TODAY.minusDays(3), null, TODAY));
        assertEquals(1, backdated.size());
        assertEquals("PROCEDURE_DATE", backdated.get(0).facts().get("abuse"));
        assertTrue(backdated.get(0).blocks());
        assertFalse(rule.judge(new Procedure.Context(CaseStatus.DECIDED, CaseStatus.NOTIFIED, TODAY.plusDays(1),
                TODAY.minusDays(3), null, TODAY)).isEmpty());
    }

    @Test
    void art25TheAppealWindowRunsFromTheRecordedNotification() {
        Procedure rule = new Procedure(30);
        assertTrue(rule.judge(new Procedure.Context(CaseStatus.NOTIFIED, CaseStatus.APPEALED, null, TODAY,
                TODAY.minusDays(30), TODAY)).isEmpty());
        assertEquals(31L, rule.judge(new Procedure.Context(CaseStatus.NOTIFIED, CaseStatus.APPEALED, null, TODAY,
                TODAY.minusDays(31), TODAY)).get(0).facts().get("daysSinceNotification"));
    }

    @Test
    void art32OnlyAbusesTheArticleListsAreRegistered() {
        Backtracing rule = new Backtracing();
        var shortcut = new Procedure(30).judge(new Procedure.Context(CaseStatus.OPENED, CaseStatus.DECIDED, null, null,
                null, TODAY));
        assertEquals(List.of("PROCEDURE"), rule.judge(shortcut).get(0).facts().get("rules"));
        var demand = new NoDirectDemand().judge(new NoDirectDemand.Context(ReferralKind.ACCOUNTABILITY_DEMAND));
        assertEquals(List.of("NO-DIRECT-DEMAND"), rule.judge(demand).get(0).facts().get("rules"));
        // an advisory finding is no abuse; neither is a refusal of a rule the article does not list
        var advisory = new NoBlameShifting().judge(new NoBlameShifting.Context("UPPER_LEVEL", PROVINCIAL_DEPT,
                List.of(COUNTY_DEPT)));
        assertTrue(rule.judge(advisory).isEmpty());
        var complaint = new ComplaintOutcome().judge(new ComplaintOutcome.Context(ComplaintStatus.RECEIVED,
                ComplaintStatus.UNFOUNDED, false, false));
        assertTrue(rule.judge(complaint).isEmpty());
    }
}
