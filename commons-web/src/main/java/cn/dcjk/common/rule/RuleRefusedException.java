package cn.dcjk.common.rule;

import cn.dcjk.common.problem.ProblemException;

import java.util.List;
import java.util.stream.Collectors;

/** A 422 refusal whose body carries the verdict's findings (RULEBOOK.md). */
public class RuleRefusedException extends ProblemException {

    public RuleRefusedException(List<Finding> findings) {
        this(422, findings);
    }

    public RuleRefusedException(int status, List<Finding> findings) {
        super(status, "rule-refused",
                new Text("违反督查检查考核规定", "Refused by rule"),
                new Text(summary(findings, true), summary(findings, false)),
                null, findings, null, null);
    }

    private static String summary(List<Finding> findings, boolean zh) {
        return findings.stream().filter(Finding::blocks)
                .map(f -> f.rule() + "（第" + f.articles().stream().map(String::valueOf)
                        .collect(Collectors.joining("、")) + "条）：" + (zh ? f.message() : f.messageEn()))
                .map(s -> zh ? s : s.replace("（第", " (art. ").replace("条）：", "): ").replace("、", ", "))
                .collect(Collectors.joining("; "));
    }
}
