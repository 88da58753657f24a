package cn.dcjk.common.channel;

import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.Rule;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NO-DIRECT-DEMAND, article 27: 「严禁上一级督查检查考核组直接向下一级党委、政府、纪检监察机关、组织部门或其领导班子成员
 * 提出问责建议或要求，不得要求下一级纪检监察机关和组织部门在督查检查考核活动中同步启动问责机制」 — an upper inspection
 * team sends no accountability suggestion or demand directly to a lower-level party committee, government,
 * discipline inspection and supervision body, organisation department or a member of their leadership, and
 * never asks a lower discipline body or organisation department to start accountability during the
 * inspection. The lawful route is the team's dispatching unit.
 *
 * <p>One rule, judged the same way by the gateway (before anything is forwarded) and by the
 * services (on what they execute). The context says who acts, through which {@link WriteChannel}, to
 * whom, with what words. It has the one shape of every rule ({@link Rule}): the gateway and the
 * services call {@code new NoDirectDemand().judge(context)}.
 */
public final class NoDirectDemand implements Rule<NoDirectDemand.Context> {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-DIRECT-DEMAND", List.of(27), Severity.PROHIBITED,
            "上级督查检查考核组不得直接向下级党委、政府、纪检监察机关、组织部门或其领导班子成员提出问责建议或要求",
            "An upper inspection team sends no accountability suggestion or demand directly to lower-level party "
                    + "committees, governments, discipline bodies, organisation departments or their leaders");

    /** Referral kinds a team may never send, whoever the recipient. */
    public static final List<String> FORBIDDEN_KINDS = List.of("ACCOUNTABILITY_DEMAND", "START_ACCOUNTABILITY");

    /** A unit the request names, as the directory knows it. */
    public record Recipient(String unitCode, String name, String kind, String level, boolean lowerThanDispatching,
            boolean leadershipMember) {

        /** Party committees, governments, discipline bodies, organisation departments (article 27). */
        public boolean accountabilityBody() {
            return kind != null && switch (kind) {
                case "PARTY_COMMITTEE", "GOVERNMENT", "DISCIPLINE_COMMISSION", "ORGANIZATION_DEPARTMENT" -> true;
                default -> false;
            };
        }

        boolean lowerBody() {
            return lowerThanDispatching && accountabilityBody();
        }
    }

    /**
     * One write: whether the caller acts as an inspection team, its dispatching unit, the channel of
     * the route, every unit the body names, whether its texts speak of accountability, and the
     * referral kind when there is one.
     */
    public record Context(boolean actsAsTeam, String dispatchingUnitCode, WriteChannel channel,
            List<Recipient> recipients, boolean textsSpeakOfAccountability, String kind) {
    }

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public List<Finding> judge(Context c) {
        if (!c.actsAsTeam()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        if (c.dispatchingUnitCode() == null) {
            findings.add(Finding.of(RULE, Severity.PROHIBITED, "访问令牌未载明督查组的派出单位，无法确定合法渠道",
                    "The team token names no dispatching unit, so no lawful route can be told", Map.of()));
            return findings;
        }
        if (c.channel() == WriteChannel.UNCLASSIFIED) {
            findings.add(Finding.of(RULE, Severity.PROHIBITED, "该写操作未列入渠道分类，督查组不得使用",
                    "This write is not classified for the channel rule; an inspection team may not use it",
                    Map.of("dispatchingUnitCode", c.dispatchingUnitCode())));
            return findings;
        }
        for (Recipient r : c.recipients()) {
            boolean addressed = switch (c.channel()) {
                case ACCOUNTABILITY -> true;
                case FIELD_WORK, ADMINISTRATION -> c.textsSpeakOfAccountability();
                default -> false;
            };
            if (addressed && r.lowerBody()) {
                findings.add(direct(c, r));
            }
        }
        if (c.kind() != null && FORBIDDEN_KINDS.contains(c.kind())) {
            findings.add(Finding.of(RULE, Severity.PROHIBITED, c.kind().equals("START_ACCOUNTABILITY")
                            ? "不得要求下一级纪检监察机关和组织部门在督查检查考核活动中同步启动问责机制（第二十七条）"
                            : "督查检查考核组不得提出问责要求（第二十七条）；发现问题可作为问题线索报告本组派出单位",
                    c.kind().equals("START_ACCOUNTABILITY")
                            ? "No lower-level body may be asked to start accountability during the inspection (article 27)"
                            : "An inspection team makes no accountability demand (article 27); report the problem clue to "
                                    + "the dispatching unit instead", Map.of("kind", c.kind())));
        }
        if (c.channel() == WriteChannel.FEEDBACK && c.textsSpeakOfAccountability()) {
            findings.add(Finding.of(RULE, Severity.PROHIBITED,
                    "督查检查考核组不得在反馈中向被督查单位提出问责建议或要求；应向派出单位 " + c.dispatchingUnitCode() + " 报告（第二十七条）",
                    "An inspection team makes no accountability suggestion or demand in its feedback to the inspected "
                            + "unit; report to the dispatching unit " + c.dispatchingUnitCode() + " (article 27)",
                    Map.of("dispatchingUnitCode", c.dispatchingUnitCode(),
                            "lawfulRecipientUnitCode", c.dispatchingUnitCode())));
        }
        return findings;
    }

    private static Finding direct(Context c, Recipient r) {
        String who = r.leadershipMember() ? "领导班子成员（" + r.name() + "）" : r.name();
        String whoEn = r.leadershipMember() ? "a leadership member of " + r.unitCode() : r.unitCode();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("recipientUnitCode", r.unitCode());
        facts.put("recipientName", r.name());
        facts.put("recipientKind", r.kind());
        facts.put("recipientLevel", r.level());
        facts.put("dispatchingUnitCode", c.dispatchingUnitCode());
        facts.put("lawfulRecipientUnitCode", c.dispatchingUnitCode());
        return Finding.of(RULE, Severity.PROHIBITED, "督查检查考核组不得直接向下级" + who + "提出问责建议或要求；应向派出单位 "
                        + c.dispatchingUnitCode() + " 报告（第二十七条）",
                "An inspection team may not address accountability demands directly to " + whoEn
                        + ", a lower-level body; report to the dispatching unit " + c.dispatchingUnitCode()
                        + " (article 27)", facts);
    }
}
