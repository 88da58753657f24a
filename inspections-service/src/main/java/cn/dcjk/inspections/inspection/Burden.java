package cn.dcjk.inspections.inspection;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * What a visit asked of its target (articles 14, 22): forms, materials, exams and quizzes (考试答题),
 * surveys, online votes, messaging groups.
 */
public record Burden(@Min(0) @Max(10000) int forms, @Min(0) @Max(10000) int materials,
        @Min(0) @Max(10000) int exams, @Min(0) @Max(10000) int surveys, @Min(0) @Max(10000) int onlineVotes,
        @Min(0) @Max(10000) int messagingGroups) {

    public int total() {
        return forms + materials + exams + surveys + onlineVotes + messagingGroups;
    }
}
