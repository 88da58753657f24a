package cn.dcjk.gateway.policy;

import cn.dcjk.common.problem.Problem;
import cn.dcjk.common.request.ProblemResponses;
import cn.dcjk.common.request.RequestIds;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.gateway.auth.CallerIdentity;
import cn.dcjk.gateway.directory.DirectoryClient;
import cn.dcjk.gateway.directory.DirectoryClient.UnitInfo;
import cn.dcjk.gateway.route.RequestPath;
import cn.dcjk.gateway.route.UpstreamClient;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * NO-DIRECT-DEMAND (article 27) at the gateway: an upper inspection team sends no accountability
 * suggestion or demand, referral or transfer directly to a lower-level party committee,
 * government, discipline inspection and supervision body, organisation department, or a
 * leadership member of one, and never asks them to start accountability. The lawful route is the
 * team's dispatching unit. Every request that could do so is read in full and decided the same
 * way however it is spelled; a spelling that could be read two ways is refused, never guessed.
 */
@ApplicationScoped
public class ChannelPolicy {

    public static final RuleDescriptor RULE = RuleDescriptor.of("NO-DIRECT-DEMAND", List.of(27), Severity.PROHIBITED,
            "上级督查检查考核组不得直接向下级党委、政府、纪检监察机关、组织部门或其领导班子成员提出问责建议或要求",
            "An upper inspection team sends no accountability suggestion or demand directly to lower-level party "
                    + "committees, governments, discipline bodies, organisation departments or their leaders");

    /** The outcome of the check: a refusal to send, or leave to forward (with the body if it was read). */
    public record Admission(Problem refusal, Buffer body) {
        static final Admission PASS = new Admission(null, null);
    }

    /** Body fields that name a recipient; every one of them is checked. */
    static final List<String> RECIPIENT_FIELDS = List.of("recipientUnitCode", "toUnitCode", "competentUnitCode",
            "targetUnitCode", "recipientUnitCodes", "recipients", "recipientPerson");

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ObjectMapper strict = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    @Inject
    DirectoryClient directory;
    @Inject
    DecisionLog log;

    @ConfigProperty(name = "dcjk.channel.prefixes", defaultValue = "/api/v1/accountability")
    List<String> prefixes;
    @ConfigProperty(name = "dcjk.gateway.max-body-bytes", defaultValue = "1048576")
    long maxBody;

    /** Whether the request can create or redirect an accountability matter: a write under the channel prefixes. */
    public boolean relevant(HttpMethod method, RequestPath path) {
        return !SAFE.contains(method) && prefixes.stream().anyMatch(path::under);
    }

    public Future<Admission> admit(RoutingContext rc, RequestPath path, UpstreamClient upstream,
            CallerIdentity caller) {
        HttpServerRequest req = rc.request();
        if (!relevant(req.method(), path)) {
            return Future.succeededFuture(Admission.PASS);
        }
        Ctx ctx = new Ctx(rc, path, caller);
        if (!path.canonical() || prefixes.stream().noneMatch(p -> path.path().startsWith(p))) {
            return ctx.ambiguous("请求路径的写法不规范（大小写、转义、重复斜杠、点段、矩阵参数或结尾斜杠）",
                    "The path is not in canonical form (case, escapes, duplicate slashes, dot segments, matrix "
                            + "parameters or a trailing slash)");
        }
        if (req.query() != null && !req.query().isEmpty()) {
            return ctx.ambiguous("此类请求不接受查询参数", "Query parameters are not accepted on this request");
        }
        if (!caller.actsAsInspectionTeam()) {
            return ctx.allow("调用者不以督查检查考核组身份行事", "The caller does not act as an inspection team", null,
                    null);
        }
        if (caller.dispatchingUnitCode() == null) {
            return ctx.deny(403, "访问令牌未载明督查组的派出单位", "The team token names no dispatching unit", null,
                    null);
        }
        String encoding = req.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
            return ctx.refuse(415, "请求体不得压缩或编码（Content-Encoding）", "The body must not be encoded "
                    + "(Content-Encoding)");
        }
        if (!json(req.getHeader(HttpHeaders.CONTENT_TYPE))) {
            return ctx.refuse(415, "请求体必须是 application/json（UTF-8）", "The body must be application/json "
                    + "in UTF-8");
        }
        return read(req).compose(body -> decide(ctx, body), err -> err instanceof TooLarge
                ? ctx.refuse(413, "请求体超过 " + maxBody + " 字节", "The body exceeds " + maxBody + " bytes")
                : ctx.ambiguous("请求体读取失败", "The body could not be read"));
    }

    private Future<Admission> decide(Ctx ctx, Buffer body) {
        JsonNode root;
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body.getBytes())).toString();
            if (text.startsWith("\uFEFF")) {
                return ctx.ambiguous("请求体不得以字节序标记开头", "The body must not start with a byte order mark");
            }
            root = strict.readTree(text);
        } catch (CharacterCodingException e) {
            return ctx.ambiguous("请求体不是合法的 UTF-8", "The body is not valid UTF-8");
        } catch (Exception e) {
            return ctx.ambiguous("请求体不是无歧义的 JSON（如含重复键）", "The body is not unambiguous JSON "
                    + "(duplicate keys, say)");
        }
        if (root == null || !root.isObject()) {
            return ctx.ambiguous("请求体必须是单个 JSON 对象，不接受数组或批量请求",
                    "The body must be one JSON object; arrays and batches are not accepted");
        }
        List<Recipient> recipients;
        try {
            recipients = recipients(root);
        } catch (IllegalArgumentException e) {
            return ctx.ambiguous("收件单位字段格式不明确：" + e.getMessage(), "A recipient field is ambiguous: "
                    + e.getMessage());
        }
        if (recipients.isEmpty()) {
            return ctx.allow("请求未指定收件单位", "The request names no recipient", null, body);
        }
        String auth = ctx.rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        String dispatching = ctx.caller.dispatchingUnitCode();
        List<Future<Verdict>> checks = new ArrayList<>();
        for (Recipient r : recipients) {
            checks.add(directory.unit(r.unitCode(), auth).compose(unit -> {
                if (unit.isEmpty() || !unit.get().accountabilityBody()) {
                    return Future.succeededFuture(new Verdict(r, unit.orElse(null), false));
                }
                return directory.lowerThan(r.unitCode(), dispatching, auth)
                        .map(lower -> new Verdict(r, unit.get(), lower));
            }));
        }
        return Future.join(checks).transform(ar -> {
            if (ar.failed()) {
                return ctx.unavailable();
            }
            for (Future<Verdict> f : checks) {
                Verdict v = f.result();
                if (v.lower()) {
                    return ctx.directDemand(v);
                }
            }
            return ctx.allow("收件单位不是下级党委、政府、纪检监察机关或组织部门",
                    "No recipient is a lower-level party committee, government, discipline body or organisation "
                            + "department", recipients.get(0).unitCode(), body);
        });
    }

    record Recipient(String unitCode, boolean person, boolean leadershipMember) {
    }

    record Verdict(Recipient recipient, UnitInfo unit, boolean lower) {
    }

    /** Every recipient the body names, in any of the fields that can name one. */
    static List<Recipient> recipients(JsonNode root) {
        Set<Recipient> found = new LinkedHashSet<>();
        for (String field : RECIPIENT_FIELDS) {
            JsonNode n = root.get(field);
            if (n == null || n.isNull()) {
                continue;
            }
            switch (field) {
                case "recipientUnitCodes" -> {
                    if (!n.isArray()) {
                        throw new IllegalArgumentException(field);
                    }
                    n.forEach(c -> found.add(new Recipient(text(c, field), false, false)));
                }
                case "recipients" -> {
                    if (!n.isArray()) {
                        throw new IllegalArgumentException(field);
                    }
                    n.forEach(o -> found.add(person(o, field)));
                }
                case "recipientPerson" -> found.add(person(n, field));
                default -> found.add(new Recipient(text(n, field), false, false));
            }
        }
        return new ArrayList<>(found);
    }

    private static Recipient person(JsonNode o, String field) {
        if (!o.isObject()) {
            throw new IllegalArgumentException(field);
        }
        JsonNode leader = o.get("leadershipMember");
        return new Recipient(text(o.get("unitCode"), field + ".unitCode"), true,
                leader != null && leader.isBoolean() && leader.booleanValue());
    }

    private static String text(JsonNode n, String field) {
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            throw new IllegalArgumentException(field);
        }
        return n.textValue().trim();
    }

    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
            if (p.startsWith("charset=") && !p.equals("charset=utf-8") && !p.equals("charset=\"utf-8\"")) {
                return false;
            }
        }
        return true;
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private Future<Buffer> read(HttpServerRequest req) {
        String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > maxBody) {
                    return Future.failedFuture(new TooLarge());
                }
            } catch (NumberFormatException e) {
                return Future.failedFuture(new IllegalArgumentException("Content-Length"));
            }
        }
        Promise<Buffer> promise = Promise.promise();
        Buffer buffer = Buffer.buffer();
        req.handler(chunk -> {
            if (buffer.length() + chunk.length() > maxBody) {
                promise.tryFail(new TooLarge());
            } else {
                buffer.appendBuffer(chunk);
            }
        });
        req.exceptionHandler(promise::tryFail);
        req.endHandler(v -> promise.tryComplete(buffer));
        req.resume();
        return promise.future();
    }

    /** One evaluation: records its decision and words its answer. */
    private final class Ctx {
        final RoutingContext rc;
        final RequestPath path;
        final CallerIdentity caller;
        final boolean english;

        Ctx(RoutingContext rc, RequestPath path, CallerIdentity caller) {
            this.rc = rc;
            this.path = path;
            this.caller = caller;
            this.english = ProblemResponses.english(rc);
        }

        Future<Decision> decision(Decision.Outcome outcome, String reason, String recipient) {
            Object requestId = rc.get(RequestIds.MDC_KEY);
            Decision d = new Decision(UUID.randomUUID().toString(), OffsetDateTime.now(),
                    requestId == null ? null : requestId.toString(), caller.name(), caller.unitCode(),
                    caller.dispatchingUnitCode(), rc.request().method().name(), path.raw(), RULE.name(), outcome,
                    reason, recipient);
            return log.record(d);
        }

        Future<Admission> allow(String zh, String en, String recipient, Buffer body) {
            return decision(Decision.Outcome.ALLOW, en, recipient).map(d -> new Admission(null, body));
        }

        Future<Admission> deny(int status, String zh, String en, String recipient, Map<String, Object> facts) {
            return decision(Decision.Outcome.DENY, en, recipient).map(d -> refusal(d, status, zh, en, recipient, facts));
        }

        Admission refusal(Decision d, int status, String zh, String en, String recipient, Map<String, Object> facts) {
            Map<String, Object> allFacts = new LinkedHashMap<>();
            if (facts != null) {
                allFacts.putAll(facts);
            }
            allFacts.put("decisionId", d.id());
            Finding finding = new Finding(RULE.name(), RULE.articles(), Severity.PROHIBITED, zh, en, allFacts, null);
            Problem p = new Problem("rule-refused", english ? "Refused by rule NO-DIRECT-DEMAND (article 27)"
                    : "违反第二十七条（NO-DIRECT-DEMAND）", status, english ? en : zh);
            p.findings = List.of(finding);
            p.with("rule", RULE.name()).with("articles", RULE.articles()).with("decisionId", d.id());
            if (caller.dispatchingUnitCode() != null) {
                p.with("lawfulRoute", Map.of("recipientUnitCode", caller.dispatchingUnitCode(),
                        "description", english ? "Report to the team's dispatching unit, which hands the matter on "
                                + "to the competent body" : "向派出督查检查考核组的单位报告，由其按问责程序移交有管辖权的机关"));
            }
            if (recipient != null) {
                p.with("recipient", recipient);
            }
            return new Admission(p, null);
        }

        Future<Admission> ambiguous(String zh, String en) {
            return deny(400, "请求有歧义，已拒绝：" + zh, "Ambiguous request refused: " + en, null, null);
        }

        Future<Admission> refuse(int status, String zh, String en) {
            return deny(status, "请求已拒绝：" + zh, "Request refused: " + en, null, null);
        }

        Future<Admission> unavailable() {
            return decision(Decision.Outcome.DENY, "units directory unavailable: failing closed", null)
                    .map(this::unavailable);
        }

        Admission unavailable(Decision d) {
            Problem p = new Problem("dependency-unavailable", english ? "Service unavailable" : "依赖服务不可用", 503,
                    english ? "The units directory cannot answer; requests that may carry accountability demands are "
                            + "refused until it does" : "单位名录暂不可用，可能涉及问责要求的请求在恢复前一律拒绝");
            p.with("rule", RULE.name()).with("decisionId", d.id()).with("dependency", "plans-service");
            rc.response().putHeader("Retry-After", "5");
            return new Admission(p, null);
        }

        Future<Admission> directDemand(Verdict v) {
            String who = v.recipient().person()
                    ? (v.recipient().leadershipMember() ? "领导班子成员（" : "工作人员（") + v.unit().name() + "）"
                    : v.unit().name();
            String whoEn = v.recipient().person()
                    ? (v.recipient().leadershipMember() ? "a leadership member of " : "a member of ") + v.unit().code()
                    : v.unit().code();
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("recipientUnitCode", v.unit().code());
            facts.put("recipientName", v.unit().name());
            facts.put("recipientKind", v.unit().kind());
            facts.put("recipientLevel", v.unit().level());
            facts.put("dispatchingUnitCode", caller.dispatchingUnitCode());
            facts.put("lawfulRecipientUnitCode", caller.dispatchingUnitCode());
            return deny(403, "督查检查考核组不得直接向下级" + who + "提出问责建议或要求；应向派出单位 "
                            + caller.dispatchingUnitCode() + " 报告（第二十七条）",
                    "An inspection team may not address accountability demands directly to " + whoEn
                            + ", a lower-level body; report to the dispatching unit " + caller.dispatchingUnitCode()
                            + " (article 27)", v.unit().code(), facts);
        }
    }
}
