package cn.dcjk.accountability.directory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A finding of an inspection (GET /api/v1/findings/{id}). {@code responsibleSide} says whose duty
 * the problem concerns; NO-BLAME-SHIFTING reads it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FindingInfo(Long id, Long inspectionId, String targetUnitCode, String problem, String responsibleSide,
        String status) {
}
