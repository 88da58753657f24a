package cn.dcjk.accountability.rules;

import cn.dcjk.accountability.casework.CaseStatus;
import cn.dcjk.accountability.complaint.ComplaintStatus;
import cn.dcjk.accountability.directory.UnitInfo;
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
    static final UnitInfo PROVINCIAL_DEPT = new UnitInfo("370000-D-ENV", "", "PROVINCE", "DEPARTMENT", "GOVERNMENT",
            "370000", null, false);
    static final UnitInfo COUNTY_DEPT = new UnitInfo("370102-D-ENV", "", "COUNTY", "DEPARTMENT", "GOVERNMENT",
            "370102", null, false);
    static final UnitInfo CITY_DEPT = new UnitInfo("370100-D-ENV", "", "CITY", "DEPARTMENT", "GOVERNMENT",
            "370100", null, false);
    static final UnitInfo COUNTY_DIS = new UnitInfo("370102-DIS", "", "COUNTY", "DISCIPLINE_COMMISSION", "PARTY",
            "370102", null, false);
    static final UnitInfo CITY_ORG = new UnitInfo("370100-ORG", "", "CITY", "ORGANIZATION_DEPARTMENT", "PARTY",
            "370100", null, false);

    @Test
    void lawfulRoute() {
        assertTrue(new LawfulRoute("370000-D-ENV", "370000-D-ENV").findings().isEmpty());
        var refused = new LawfulRoute("370000-D-ENV", "370102-DIS").findings();
        assertEquals(1, refused.size());
        assertEquals("370000-D-ENV", refused.get(0).facts().get("lawfulRecipient"));
        assertTrue(refused.get(0).blocks());
        assertEquals(1, new LawfulRoute(null, "370000-D-ENV").findings().size());
    }

    @Test
    void noDirectDemand() {
        assertTrue(new NoDirectDemand(ReferralKind.PROBLEM_CLUE).findings().isEmpty());
        assertTrue(new NoDirectDemand(ReferralKind.ACCOUNTABILITY_SUGGESTION).findings().isEmpty());
        assertTrue(new NoDirectDemand(ReferralKind.ACCOUNTABILITY_DEMAND).findings().get(0).blocks());
        assertTrue(new NoDirectDemand(ReferralKind.START_ACCOUNTABILITY).findings().get(0).blocks());
    }

    @Test
    void competentBody() {
        // same level, higher level: competent; another region or another kind: not
        assertTrue(new CompetentBody(COUNTY_DIS, List.of(COUNTY_DEPT)).findings().isEmpty());
        assertTrue(new CompetentBody(CITY_ORG, List.of(COUNTY_DEPT, CITY_DEPT)).findings().isEmpty());
        assertEquals(1, new CompetentBody(COUNTY_DIS, List.of(CITY_DEPT)).findings().size());
        assertEquals(1, new CompetentBody(PROVINCIAL_DEPT, List.of(COUNTY_DEPT)).findings().size());
    }

    @Test
    void procedureAllowsOnlyTheNextStep() {
        assertTrue(new Procedure(CaseStatus.OPENED, CaseStatus.INVESTIGATING, null, TODAY, 30).findings().isEmpty());
        assertTrue(new Procedure(CaseStatus.HEARD, CaseStatus.DECIDED, null, TODAY, 30).findings().isEmpty());
        assertFalse(new Procedure(CaseStatus.INVESTIGATING, CaseStatus.DECIDED, null, TODAY, 30).findings().isEmpty());
        assertFalse(new Procedure(CaseStatus.OPENED, CaseStatus.OPENED, null, TODAY, 30).findings().isEmpty());
        assertFalse(new Procedure(CaseStatus.DECIDED, CaseStatus.CLOSED, null, TODAY, 30).findings().isEmpty());
        assertFalse(new Procedure(CaseStatus.REVIEWED, CaseStatus.APPEALED, TODAY, TODAY, 30).findings().isEmpty());
    }

    @Test
    void appealWindowBoundary() {
        assertTrue(new Procedure(CaseStatus.NOTIFIED, CaseStatus.APPEALED, TODAY, TODAY, 30).findings().isEmpty());
        assertTrue(new Procedure(CaseStatus.CLOSED, CaseStatus.APPEALED, TODAY.minusDays(30), TODAY, 30)
                .findings().isEmpty());
        var late = new Procedure(CaseStatus.CLOSED, CaseStatus.APPEALED, TODAY.minusDays(31), TODAY, 30).findings();
        assertEquals(1, late.size());
        assertEquals(31L, late.get(0).facts().get("daysSinceNotification"));
        // the parameter is the operator's
        assertTrue(new Procedure(CaseStatus.NOTIFIED, CaseStatus.APPEALED, TODAY.minusDays(31), TODAY, 31)
                .findings().isEmpty());
    }

    @Test
    void noBlameShiftingWarnsOnly() {
        var warned = new NoBlameShifting("UPPER_LEVEL", PROVINCIAL_DEPT, List.of(COUNTY_DEPT)).findings();
        assertEquals(1, warned.size());
        assertFalse(warned.get(0).blocks());
        assertTrue(new NoBlameShifting("INSPECTED_UNIT", PROVINCIAL_DEPT, List.of(COUNTY_DEPT)).findings().isEmpty());
        assertTrue(new NoBlameShifting(null, PROVINCIAL_DEPT, List.of(COUNTY_DEPT)).findings().isEmpty());
        // a city department is not grassroots
        assertTrue(new NoBlameShifting("upper", PROVINCIAL_DEPT, List.of(CITY_DEPT)).findings().isEmpty());
    }

    @Test
    void complaintOutcome() {
        assertTrue(new ComplaintOutcome(ComplaintStatus.VERIFYING, ComplaintStatus.UNFOUNDED, false, true)
                .findings().isEmpty());
        assertFalse(new ComplaintOutcome(ComplaintStatus.VERIFYING, ComplaintStatus.UNFOUNDED, false, false)
                .findings().isEmpty());
        assertFalse(new ComplaintOutcome(ComplaintStatus.VERIFYING, ComplaintStatus.SUBSTANTIATED, false, false)
                .findings().isEmpty());
        assertFalse(new ComplaintOutcome(ComplaintStatus.RECEIVED, ComplaintStatus.FALSE_ACCUSATION, false, false)
                .findings().isEmpty());
        assertTrue(new ComplaintOutcome(ComplaintStatus.VERIFYING, ComplaintStatus.FALSE_ACCUSATION, false, false)
                .findings().isEmpty());
    }

    @Test
    void overdueBoundary() {
        assertFalse(ComplaintOutcome.overdue(TODAY.minusDays(90), TODAY, 90));
        assertTrue(ComplaintOutcome.overdue(TODAY.minusDays(91), TODAY, 90));
        assertFalse(ComplaintOutcome.overdue(TODAY, TODAY, 90));
    }
}
