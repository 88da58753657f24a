package cn.dcjk.gateway.policy;

import cn.dcjk.common.channel.NamedUnits;
import cn.dcjk.common.channel.NoDirectDemand;
import cn.dcjk.common.channel.WriteChannel;
import cn.dcjk.common.channel.WriteRoutes;
import cn.dcjk.common.problem.Problem;
import cn.dcjk.common.request.CanonicalTarget;
import cn.dcjk.common.request.ProblemResponses;
import cn.dcjk.common.rule.Finding;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.common.rule.Severity;
import cn.dcjk.gateway.auth.CallerIdentity;
import cn.dcjk.gateway.directory.DirectoryClient;
import cn.dcjk.common.directory.UnitInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * NO-DIRECT-DEMAND (article 27) at the gateway, by capability rather than by prefix: every write
 * of a caller acting as an inspection team is read in full, whatever service it goes to; every unit
 * its body names is looked up in the units directory; and the one rule of the suite
 * ({@link NoDirectDemand}, shared with the services) judges it by the route's {@link WriteChannel}.
 * A token that holds {@code inspection-team} and another role of the suite could be read two ways and
 * is refused on every write. Every decision on a team's write, and every write through the
 * accountability channel, is logged before the answer goes out.
 */
@ApplicationScoped
public class ChannelPolicy {

    public static final RuleDescriptor RULE = NoDirectDemand.RULE;
    /** The rule named on refusals of requests that could be read two ways. */
    public static final String AMBIGUOUS = "REQUEST-AMBIGUOUS";

    /** The outcome of the check: a refusal to send, or leave to forward with the decision id (null when none was logged). */
    public record Admission(Problem refusal, String decisionId) {
        static final Admission PASS = new Admission(null, null);
    }

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final ObjectMapper strict = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    @Inject
    DirectoryClient directory;
    @Inject
    DecisionLog log;

    /** Decides about one write whose body has been read in full ({@code body}, never null for writes). */
    public Future<Admission> admit(RoutingContext rc, CanonicalTarget target, CallerIdentity caller, Buffer body) {
        HttpServerRequest req = rc.request();
        if (SAFE.contains(req.method())) {
            return Future.succeededFuture(Admission.PASS);
        }
        Ctx ctx = new Ctx(rc, target, caller, retryKey(req, target, caller, body));
        if (caller.ambiguousRoles()) {
            return ctx.deny(AMBIGUOUS, 403, "访问令牌同时持有督查检查考核组角色和其他角色，无法确定以何身份写入",
                    "The token holds inspection-team and other roles of the suite; a write cannot be read as either",
                    null, Map.of("roles", caller.suiteRoles()));
        }
        WriteChannel channel = WriteRoutes.classify(req.method().name(), target.segments());
        if (!caller.actsAsInspectionTeam()) {
            if (channel == WriteChannel.ACCOUNTABILITY) {
                return ctx.allow("The caller does not act as an inspection team", null);
            }
            return Future.succeededFuture(Admission.PASS);
        }
        if (caller.dispatchingUnitCode() == null || channel == WriteChannel.UNCLASSIFIED) {
            return judge(ctx, channel, List.of(), new NamedUnits.Reading(List.of(), false, null));
        }
        String encoding = req.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
            return ctx.refuse(415, "请求体不得压缩或编码（Content-Encoding）", "The body must not be encoded "
                    + "(Content-Encoding)");
        }
        if (body.length() == 0) {
            return judge(ctx, channel, List.of(), new NamedUnits.Reading(List.of(), false, null));
        }
        if (!json(req.getHeader(HttpHeaders.CONTENT_TYPE))) {
            return ctx.refuse(415, "请求体必须是 application/json（UTF-8）", "The body must be application/json "
                    + "in UTF-8");
        }
        return decide(ctx, channel, body);
    }

    private Future<Admission> decide(Ctx ctx, WriteChannel channel, Buffer body) {
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
        NamedUnits.Reading reading;
        try {
            reading = NamedUnits.read(root);
        } catch (IllegalArgumentException e) {
            return ctx.ambiguous("单位字段格式不明确：" + e.getMessage(), "A unit field is ambiguous: " + e.getMessage());
        }
        String auth = ctx.rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        String dispatching = ctx.caller.dispatchingUnitCode();
        List<Future<NoDirectDemand.Recipient>> lookups = new ArrayList<>();
        for (NamedUnits.Named n : reading.units()) {
            lookups.add(directory.unit(n.unitCode(), auth).compose(unit -> {
                if (unit.isEmpty()) {
                    return Future.succeededFuture(new NoDirectDemand.Recipient(n.unitCode(), null, null, null, false,
                            n.leadershipMember()));
                }
                UnitInfo u = unit.get();
                Future<Boolean> lower = u.accountabilityBody() ? directory.lowerThan(n.unitCode(), dispatching, auth)
                        : Future.succeededFuture(false);
                return lower.map(l -> new NoDirectDemand.Recipient(u.code(), u.name(), u.kind(), u.level(), l,
                        n.leadershipMember()));
            }));
        }
        return Future.join(lookups).transform(ar -> {
            if (ar.failed()) {
                return ctx.unavailable();
            }
            return judge(ctx, channel, lookups.stream().map(Future::result).toList(), reading);
        });
    }

    private Future<Admission> judge(Ctx ctx, WriteChannel channel, List<NoDirectDemand.Recipient> recipients,
            NamedUnits.Reading reading) {
        List<Finding> findings = new NoDirectDemand().judge(new NoDirectDemand.Context(true,
                ctx.caller.dispatchingUnitCode(), channel, recipients, reading.textsSpeakOfAccountability(),
                reading.kind()));
        if (findings.isEmpty()) {
            return ctx.allow("No unit named is a lower-level party committee, government, discipline body or "
                    + "organisation department addressed with an accountability matter (" + channel + ")",
                    recipients.isEmpty() ? null : recipients.get(0).unitCode());
        }
        Finding first = findings.get(0);
        Object recipient = first.facts().get("recipientUnitCode");
        return ctx.deny(RULE.name(), 403, first.message(), first.messageEn(),
                recipient == null ? null : recipient.toString(), first.facts());
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

    /** The reason of a deny that only fails closed (the directory cannot answer): no abuse to back-trace. */
    public static final String FAIL_CLOSED = "units directory unavailable: failing closed";

    /** Idempotency-Key as the services accept it. */
    private static final java.util.regex.Pattern SANE_KEY = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /**
     * What makes two requests the same one: the caller, its Idempotency-Key, the method, the target and
     * the body's digest; null without a (sane) key, when each request is an attempt of its own.
     */
    static String retryKey(HttpServerRequest req, CanonicalTarget target, CallerIdentity caller, Buffer body) {
        String key = req.getHeader("Idempotency-Key");
        if (key == null || !SANE_KEY.matcher(key).matches() || caller.name() == null) {
            return null;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body == null ? new byte[0] : body.getBytes());
            return caller.name() + "\n" + key + "\n" + req.method().name() + " " + target.encoded() + "\n"
                    + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One evaluation: records its decision and words its answer. */
    private final class Ctx {
        final RoutingContext rc;
        final CanonicalTarget target;
        final CallerIdentity caller;
        final boolean english;
        final String retryKey;

        Ctx(RoutingContext rc, CanonicalTarget target, CallerIdentity caller, String retryKey) {
            this.rc = rc;
            this.target = target;
            this.caller = caller;
            this.english = ProblemResponses.english(rc);
            this.retryKey = retryKey;
        }

        Future<Decision> decision(String rule, Decision.Outcome outcome, String reason, String recipient) {
            return log.record(Decision.of(rc, caller, target.encoded(), rule, outcome, reason, recipient, retryKey));
        }

        Future<Admission> allow(String en, String recipient) {
            return decision(RULE.name(), Decision.Outcome.ALLOW, en, recipient).map(d -> new Admission(null, d.id()));
        }

        Future<Admission> deny(String rule, int status, String zh, String en, String recipient,
                Map<String, Object> facts) {
            return decision(rule, Decision.Outcome.DENY, en, recipient)
                    .map(d -> refusal(d, rule, status, zh, en, recipient, facts));
        }

        Admission refusal(Decision d, String rule, int status, String zh, String en, String recipient,
                Map<String, Object> facts) {
            Map<String, Object> allFacts = new LinkedHashMap<>();
            if (facts != null) {
                allFacts.putAll(facts);
            }
            allFacts.put("decisionId", d.id());
            boolean channelRule = rule.equals(RULE.name());
            Problem p;
            if (channelRule) {
                Finding finding = new Finding(rule, RULE.articles(), Severity.PROHIBITED, zh, en, allFacts, null);
                p = new Problem("rule-refused", english ? "Refused by rule NO-DIRECT-DEMAND (article 27)"
                        : "违反第二十七条（NO-DIRECT-DEMAND）", status, english ? en : zh);
                p.findings = List.of(finding);
                p.with("articles", RULE.articles());
            } else {
                p = new Problem("ambiguous-request", english ? "Ambiguous request" : "请求有歧义", status,
                        english ? en : zh);
            }
            p.with("rule", rule).with("decisionId", d.id());
            if (channelRule && caller.dispatchingUnitCode() != null) {
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
            return deny(AMBIGUOUS, 400, "请求有歧义，已拒绝：" + zh, "Ambiguous request refused: " + en, null, null);
        }

        Future<Admission> refuse(int status, String zh, String en) {
            return deny(AMBIGUOUS, status, "请求已拒绝：" + zh, "Request refused: " + en, null, null);
        }

        /**
         * Fails closed while the directory cannot answer: logged as a deny, but no refusal of the request's
         * substance, so it is not registered for back-tracing ({@link #FAIL_CLOSED}) and it keeps an id of
         * its own: the retry that follows, with the same Idempotency-Key, is decided on its merits.
         */
        Future<Admission> unavailable() {
            return log.record(Decision.of(rc, caller, target.encoded(), RULE.name(), Decision.Outcome.DENY, FAIL_CLOSED,
                    null, null)).map(this::unavailable);
        }

        Admission unavailable(Decision d) {
            Problem p = new Problem("dependency-unavailable", english ? "Service unavailable" : "依赖服务不可用", 503,
                    english ? "The units directory cannot answer; requests that may carry accountability demands are "
                            + "refused until it does" : "单位名录暂不可用，可能涉及问责要求的请求在恢复前一律拒绝");
            p.with("rule", RULE.name()).with("decisionId", d.id()).with("dependency", "plans-service");
            rc.response().putHeader("Retry-After", "5");
            return new Admission(p, null);
        }
    }
}
