package cn.dcjk.inspections.finding;

import cn.dcjk.inspections.rules.ProblemLedger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A finding with its deadline light (green / yellow / red; none once closed). */
public record FindingView(Long id, long inspectionId, String targetUnitCode, String problem, List<String> evidence,
        String responsibleSide, String owner, LocalDate deadline, FindingStatus status, ProblemLedger.Light light,
        OffsetDateTime fedBackAt, String answer, List<InspectionFinding.Step> rectifications,
        List<InspectionFinding.Step> verifications, long version) {

    public static FindingView of(InspectionFinding f, ProblemLedger.Light light) {
        return new FindingView(f.id, f.inspectionId, f.targetUnitCode, f.problem, f.evidence, f.responsibleSide,
                f.dispatchingUnitCode, f.deadline, f.status, light, f.fedBackAt, f.answer, f.rectifications,
                f.verifications, f.version);
    }
}
