package cn.dcjk.gateway;

import cn.dcjk.testing.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The adversarial table of article 27's side doors: requests by which an inspection team could try
 * to get an accountability matter to a lower-level body, or to make the gateway and a service read
 * one request two ways. Every row must be refused at the gateway and never reach a service.
 */
final class SideDoors {

    record Row(String name, String method, String target, Map<String, String> headers, String body,
            boolean http1Only, int status) {
    }

    static final String TEAM = Tokens.team("team-a", "370000-D-ENV", "370000-D-ENV");
    static final String TEAM_AND_DISCIPLINE = Tokens.token("team-b", Set.of("inspection-team", "discipline-officer"),
            "370102-DIS", "370000-D-ENV");
    static final String TEAM_AND_REVIEWER = Tokens.token("team-c", Set.of("inspection-team", "office-reviewer"),
            "370000-GO", "370000-D-ENV");
    static final String TEAM_AND_ADMIN = Tokens.token("team-d", Set.of("inspection-team", "admin"), "370000-GO",
            "370000-D-ENV");
    static final String TEAM_AND_HANDLER = Tokens.token("team-e", Set.of("inspection-team", "complaint-handler"),
            "370102-DIS", "370000-D-ENV");

    static final List<String> LOWER = List.of("370102-DIS", "370102-PC", "370102-GOV", "370102-ORG");

    private SideDoors() {
    }

    static Map<String, String> json(String token) {
        return Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json");
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // 1. Direct demands through every accountability write, to every kind of lower body
        List<String> channelRoutes = List.of("/api/v1/accountability/referrals", "/api/v1/accountability/referrals/checks",
                "/api/v1/accountability/referrals/7/transfer", "/api/v1/accountability/cases",
                "/api/v1/accountability/cases/3/notification", "/api/v1/complaints", "/api/v1/complaints/5/outcome",
                "/api/v1/backtracing");
        List<String> fields = List.of("recipientUnitCode", "competentUnitCode", "handlerUnitCode", "accusedUnitCode",
                "subjectUnitCode", "targetUnitCode");
        int i = 0;
        for (String route : channelRoutes) {
            for (String lower : LOWER) {
                String field = fields.get(i++ % fields.size());
                rows.add(new Row("direct " + field + "→" + lower + " via " + route, "POST", route, json(TEAM),
                        "{\"" + field + "\":\"" + lower + "\",\"problem\":\"x\"}", false, 403));
            }
        }
        // nested, listed and personal recipients; unknown field names that still hold unit codes
        for (String body : List.of(
                "{\"recipients\":[{\"unitCode\":\"370000-D-ENV\"},{\"unitCode\":\"370102-DIS\"}]}",
                "{\"recipientUnitCodes\":[\"370000-D-ENV\",\"370102-ORG\"]}",
                "{\"recipientPerson\":{\"name\":\"张某\",\"unitCode\":\"370102-GOV\",\"leadershipMember\":true}}",
                "{\"subjects\":[{\"name\":\"李某\",\"unitCode\":\"370102-PC\"}]}",
                "{\"copyTo\":\"370102-DIS\"}",
                "{\"note\":\"x\",\"extra\":{\"deep\":{\"deeper\":[\"370102-ORG\"]}}}",
                "{\"recipientUnitCode\":\" 370102-DIS \"}",
                "{\"kind\":\"ACCOUNTABILITY_DEMAND\",\"recipientUnitCode\":\"370000-D-ENV\"}",
                "{\"kind\":\"START_ACCOUNTABILITY\",\"recipientUnitCode\":\"370000-D-ENV\"}")) {
            rows.add(new Row("shape " + body, "POST", "/api/v1/accountability/referrals", json(TEAM), body, false, 403));
        }
        // 2. Other channels: feedback and field work carrying an accountability demand, however spelled
        for (String text : List.of("建议对相关责任人问责", "建议对相关责任人問責", "请 问 责 有关人员", "请问\u200b责",
                "建议追究其责任", "给予党纪处分", "ＷＥＮＺＥ", "we suggest accountability measures",
                "启动问·责机制", "对负责人予以诫勉", "Disciplinary action is demanded")) {
            rows.add(new Row("feedback " + text, "POST", "/api/v1/findings/4/feedback", json(TEAM),
                    "{\"note\":\"" + text + "\"}", false, 403));
            rows.add(new Row("field work " + text, "POST", "/api/v1/inspections/2/results", json(TEAM),
                    "{\"summary\":\"" + text + "\",\"unitCode\":\"370102-GOV\"}", false, 403));
            rows.add(new Row("visit " + text, "PUT", "/api/v1/inspections/2/visits/1", json(TEAM),
                    "{\"notes\":\"" + text + "\",\"unitCode\":\"370102-PC\"}", false, 403));
        }
        // 3. Tokens that could be read as another role
        for (String token : List.of(TEAM_AND_DISCIPLINE, TEAM_AND_REVIEWER, TEAM_AND_ADMIN, TEAM_AND_HANDLER)) {
            for (String route : List.of("/api/v1/accountability/cases", "/api/v1/accountability/referrals/7/transfer",
                    "/api/v1/complaints/5/verification", "/api/v1/plans", "/api/v1/findings/4/verification")) {
                rows.add(new Row("two roles via " + route, "POST", route, json(token), "{\"note\":\"ok\"}", false, 403));
            }
        }
        // 4. A write no table classifies is refused to a team, not guessed
        for (String route : List.of("/api/v1/accountability/referrals/7/escalate", "/api/v1/complaints/5/forward",
                "/api/v1/backtracing/1/notify", "/api/v1/findings/4/demand")) {
            rows.add(new Row("unclassified " + route, "POST", route, json(TEAM), "{\"note\":\"x\"}", false, 403));
        }
        // 5. Paths that could be read two ways, through every prefix
        String demand = "{\"recipientUnitCode\":\"370102-DIS\"}";
        for (String prefix : List.of("/api/v1/plans", "/api/v1/units", "/api/v1/inspections", "/api/v1/findings",
                "/api/v1/complaints", "/api/v1/backtracing", "/api/v1/accountability")) {
            for (String trick : List.of("/..%2F..%2Faccountability/referrals", "/%2e%2e/%2e%2e/accountability/referrals",
                    "/%252e%252e/accountability/referrals", "/x%2Faccountability%2Freferrals",
                    "/x;a=b/referrals", "/x%5c..%5caccountability/referrals", "/%c0%ae%c0%ae/referrals",
                    "/x%00/referrals", "/x%E2%80%8B/referrals", "/%ZZ/referrals")) {
                rows.add(new Row("path " + prefix + trick, "POST", prefix + trick, json(TEAM), demand, false, 400));
            }
        }
        // dot segments, duplicate and trailing slashes: not the canonical spelling, refused before routing
        for (String path : List.of("/api/v1/plans/../accountability/referrals", "/api/v1/units/./../accountability/referrals",
                "/api/v1//accountability/referrals", "/api/v1/accountability/referrals/",
                "/api/v1/complaints/../accountability/./referrals")) {
            rows.add(new Row("dots " + path, "POST", path, json(TEAM), demand, true, 400));
        }
        // 6. Bodies that could be read two ways
        for (String body : List.of("{\"recipientUnitCode\":\"370000-D-ENV\",\"recipientUnitCode\":\"370102-DIS\"}",
                "{\"recipientUnitCode\":\"370000-D-ENV\"} {\"recipientUnitCode\":\"370102-DIS\"}",
                "\uFEFF{\"recipientUnitCode\":\"370102-DIS\"}", "[{\"recipientUnitCode\":\"370102-DIS\"}]",
                "{\"recipientUnitCode\":{\"code\":\"370102-DIS\"}}", "{\"recipientUnitCode\":370102}",
                "{\"recipientUnitCodes\":[{\"c\":\"370102-DIS\"}]}", "{\"recipientUnitCode\":\"370102-DIS\"",
                "not json at all")) {
            rows.add(new Row("body " + body, "POST", "/api/v1/accountability/referrals", json(TEAM), body, false, 400));
        }
        rows.add(new Row("form body", "POST", "/api/v1/accountability/referrals",
                Map.of("Authorization", "Bearer " + TEAM, "Content-Type", "application/x-www-form-urlencoded"),
                "recipientUnitCode=370102-DIS", false, 415));
        rows.add(new Row("latin-1 body", "POST", "/api/v1/accountability/referrals",
                Map.of("Authorization", "Bearer " + TEAM, "Content-Type", "application/json; charset=ISO-8859-1"),
                demand, false, 415));
        rows.add(new Row("gzip body", "POST", "/api/v1/accountability/referrals",
                Map.of("Authorization", "Bearer " + TEAM, "Content-Type", "application/json", "Content-Encoding", "gzip"),
                demand, false, 415));
        // 7. Headers that could be read two ways
        for (String h : List.of("X-HTTP-Method-Override: PUT", "X-HTTP-Method: DELETE", "X-Method-Override: PATCH")) {
            String[] kv = h.split(": ");
            rows.add(new Row("override " + h, "POST", "/api/v1/complaints", Map.of("Authorization", "Bearer " + TEAM,
                    "Content-Type", "application/json", kv[0], kv[1]), demand, false, 400));
        }
        return rows;
    }
}
