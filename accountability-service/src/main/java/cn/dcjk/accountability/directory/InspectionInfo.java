package cn.dcjk.accountability.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An inspection as inspections-service shows it (GET /api/v1/inspections/{id}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InspectionInfo(Long id, Long itemId, String approvalCode, String dispatchingUnitCode, String title,
        String status) {
}
