package cn.dcjk.common.problem;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every problem type of the suite, in one place: its status, its title in the suite's two
 * languages, what it means and what the client should do. The gateway serves this catalogue at
 * {@code /problems} and {@code /problems/{slug}}, which is where the absolute {@code type} URIs of
 * the problem bodies resolve (their base is {@link ProblemTypes#base()}). A slug not listed here
 * is a defect: the suite's tests check every slug the code uses is catalogued.
 */
public final class ProblemCatalogue {

    /** One problem type. */
    public record Entry(String slug, int status, String titleZh, String titleEn, String meaning, String action) {
        public String type() {
            return ProblemTypes.of(slug);
        }
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        // the request itself
        add("validation", 400, "请求参数不合法", "Invalid request",
                "One or more fields or parameters are invalid; `errors` names each field (its JSON path or parameter name) and what is wrong with it.",
                "Correct the named fields and send the request again.");
        add("malformed-request", 400, "请求格式错误", "Malformed request",
                "The body is not one well-formed JSON value: a syntax error, data after the value, a duplicate key, a control character or a lone surrogate in a string.",
                "Send exactly one JSON value in UTF-8, each key once, strings without control characters (escape them as \\n, \\t).");
        add("bad-request", 400, "请求错误", "Bad request",
                "The request cannot be understood as sent.", "Check the method, path, parameters and headers against the API document.");
        add("ambiguous-path", 400, "请求路径无法无歧义地解析", "Ambiguous request path",
                "The path has bad percent-escapes, control characters, backslashes, encoded slashes or climbs above the root, so servers could read it differently.",
                "Send the canonical path: plain segments, no `..`, no encoded `/` or `\\`.");
        add("ambiguous-request", 400, "请求有歧义", "Ambiguous request",
                "The request could be read in more than one way: a path not spelled canonically (escapes, dots, "
                        + "matrix parameters), control characters or bad escapes in the query, or a method override. "
                        + "The suite decides on one reading only and refuses the rest.",
                "Send the canonical spelling the detail names: plain path segments, each query parameter named once, "
                        + "UTF-8 percent-escapes only where needed, the HTTP method itself.");
        add("unreadable-body", 400, "请求体无法读取", "Unreadable body",
                "The body could not be read to its end (the connection broke or the length was wrong).",
                "Send the request again with a complete body.");
        add("ambiguous-length", 400, "请求长度有歧义", "Ambiguous request length",
                "Both Content-Length and Transfer-Encoding were sent.", "Send one of them.");
        add("method-override-refused", 400, "不接受方法覆盖", "Method override refused",
                "A method-override header (X-HTTP-Method-Override and the like) was sent; the suite decides on the real method only.",
                "Use the HTTP method itself.");
        add("unauthenticated", 401, "未认证", "Unauthenticated",
                "No valid bearer access token of the suite's realm was presented (missing, expired, or not issued for the suite's audience).",
                "Obtain an access token from the realm (authorization code with PKCE for people, client credentials for systems) and send it as `Authorization: Bearer …`.");
        add("forbidden", 403, "无权操作", "Forbidden",
                "The caller's role, unit or jurisdiction does not allow this action on this object. Nothing else about the object is revealed.",
                "Act with an account of the right role and unit, or ask the unit that holds the object.");
        add("admission-required", 403, "未经网关准入", "Not admitted by the gateway",
                "A write reached a service without the gateway's admission stamp for exactly this request: writes go "
                        + "through the gateway, which decides on them (article 27) before the service executes.",
                "Send the request to the gateway, not to a service directly; do not alter it on the way.");
        add("not-found", 404, "资源不存在", "Not found",
                "No such resource, or none the caller may see.", "Check the identifier; list the collection to find it.");
        add("method-not-allowed", 405, "不支持该方法", "Method not allowed",
                "The resource does not support this HTTP method.", "See the API document for the methods of this path.");
        add("not-acceptable", 406, "无法提供所需格式", "Not acceptable",
                "The resource cannot answer in a media type the Accept header allows.", "Accept application/json (and application/problem+json for errors).");
        add("payload-too-large", 413, "请求体过大", "Payload too large",
                "The body exceeds the suite's limit (1 MiB).", "Send a smaller body; split a large batch into several requests.");
        add("upgrade-required", 426, "须使用 HTTP/1.1", "Upgrade required",
                "A write reached a service over HTTP/2: a service checks the whole body of a write against the gateway's "
                        + "admission before it executes it, which it does on HTTP/1.1 (`Upgrade: HTTP/1.1` is not sent: "
                        + "HTTP/2 forbids connection-specific headers).",
                "Send writes through the gateway (which speaks HTTP/1.1 to the services), or over HTTP/1.1.");
        add("unsupported-media-type", 415, "不支持的媒体类型", "Unsupported media type",
                "The body's Content-Type is not accepted here.", "Send `Content-Type: application/json`.");
        // versions and idempotency
        add("precondition-required", 428, "缺少 If-Match", "Precondition required",
                "An update must name the version it changes (RFC 6585): the If-Match header was missing.",
                "Read the resource, take its `ETag` and send it as `If-Match`.");
        add("stale-version", 412, "数据已被他人修改", "Stale version",
                "The If-Match header names a version other than the current one (RFC 9110): someone changed the resource since it was read. Nothing was written. `currentETag` gives the current version.",
                "Read the resource again, re-apply the change and send it with the new ETag.");
        add("concurrent-update", 409, "并发修改冲突", "Concurrent update",
                "A concurrent request changed the same record at the same moment; this request was rolled back whole.",
                "Read the resource again and retry.");
        add("duplicate", 409, "记录已存在", "Duplicate",
                "A record with the same identity exists already.", "Use the existing record, or choose another identifier.");
        add("idempotency-key-reused", 422, "幂等键已用于另一请求", "Idempotency key reused",
                "The Idempotency-Key was used before with a different body. (The same key with the same body answers the first answer again, marked `Idempotent-Replayed: true`.)",
                "Use a new key for a new request; keep a key only to retry the very same request.");
        // rules
        add("rule-refused", 422, "违反督查检查考核规定", "Refused by rule",
                "The action breaks a rule of the 2018 measures; `findings` names each rule, its articles, severity, message and facts.",
                "Change the request so that the named rules hold, or have the competent body grant an explicit exception where the rule allows one.");
        add("unit-import-rejected", 422, "导入被拒绝", "Import rejected",
                "The units directory import was refused as a whole: `errors` names each row and field that is wrong "
                        + "(a malformed or unknown code, a parent that is not in the directory or the file, a cycle). "
                        + "Nothing of the file was written.",
                "Correct the named rows and send the whole file again.");
        // workflow states (409: the object's state does not allow the step)
        add("illegal-transition", 409, "状态不允许此操作", "Illegal transition",
                "The object's workflow state does not allow this step.", "Read the object's status; take the step its state allows.");
        add("empty-plan", 409, "计划没有事项", "Empty plan",
                "A plan without items cannot be submitted.", "Add the plan's items first.");
        add("no-office", 409, "无审核办公室", "No reviewing office",
                "No party or government office is registered for the organiser's region to review the plan.", "Register the office in the units directory, then retry.");
        add("no-approving-body", 409, "无批准机构", "No approving body",
                "No committee or government is registered to approve the plan.", "Register the approving body in the units directory, then retry.");
        add("has-active-children", 409, "仍有下级单位", "Unit has active children",
                "A unit with active subordinate units cannot be retired.", "Retire or move the subordinate units first.");
        add("already-retired", 409, "单位已撤销", "Already retired", "The unit is retired already.", "Nothing to do.");
        add("inspection-not-open", 409, "检查已报结果", "Inspection not open",
                "The inspection's results are filed; no more sampling, itinerary or visits.", "Start field work only on an open inspection.");
        add("inspection-closed", 409, "检查已结束", "Inspection closed", "The inspection is closed.", "Nothing can change on a closed inspection.");
        add("sample-fixed", 409, "样本不能再变", "Sample fixed", "Visits have started; the sample can no longer change.", "Keep the drawn sample.");
        add("sample-not-drawn", 409, "尚未抽样", "Sample not drawn",
                "The item is approved as a sampled inspection and the system has not drawn the sample yet.", "Draw the sample first.");
        add("itinerary-used", 409, "行程已使用", "Itinerary entry used", "This itinerary entry was visited already.", "File another itinerary entry.");
        add("no-visit-yet", 409, "尚未实地检查", "No visit yet", "No visit has started; results come after the visits.", "Record the visits first.");
        add("results-already-filed", 409, "结果已报送", "Results already filed", "The inspection's results were filed already.", "Read the filed results.");
        add("results-not-filed", 409, "结果未报送", "Results not filed", "The step needs the inspection's results to be filed first.", "File the results first.");
        add("already-rated", 409, "已评价", "Already rated", "This visit was rated already.", "Nothing to do.");
        add("already-scored", 409, "已有得分", "Already scored", "The target was scored already in this scheme.", "Nothing to do.");
        add("already-commended", 409, "已表扬", "Already commended", "The unit was commended in this inspection already.", "Nothing to do.");
        add("case-exists", 409, "已立案", "Case exists", "A case was already opened for this referral or letter.", "Work on the existing case.");
        add("step-taken", 409, "步骤已办理", "Step taken", "This procedural step was already taken on the case.", "Take the next step of the procedure.");
        add("referral-settled", 409, "移送已办结", "Referral settled", "The referral is already transferred or closed.", "Nothing can change on a settled referral.");
        add("complaint-state", 409, "举报件状态不允许", "Letter state", "The letter is already under verification or concluded.", "Read the letter's status.");
        add("already-fed-back", 409, "问题已反馈", "Already fed back",
                "The finding was fed back to its unit already.", "Read the finding; take the next step of its ledger.");
        add("not-answerable", 409, "当前状态不能答复", "Not answerable",
                "The finding cannot be answered in its state (it must be fed back, answered or sent back).",
                "Read the finding's status; answer only a finding fed back to your unit.");
        add("not-rectifiable", 409, "当前状态不能报送整改", "Not rectifiable",
                "Rectification cannot be reported for the finding in its state.", "Read the finding's status; report rectification on a finding fed back to your unit.");
        add("nothing-to-verify", 409, "尚无待核验的整改报告", "Nothing to verify",
                "No rectification report awaits verification on the finding.", "Wait for the unit's rectification report, then verify it.");
        add("duplicate-reference", 409, "文号已登记", "Reference recorded already",
                "A mandate under this document reference is on record already.", "Read the mandate recorded under the reference; a document is recorded once.");
        add("subscription-cancelled", 409, "订阅已取消", "Subscription cancelled",
                "The webhook subscription was cancelled; its deliveries cannot be replayed.", "Register a new subscription to receive events again.");
        add("already-concluded", 409, "已办结", "Already concluded", "The record is already concluded.", "Nothing to do.");
        // the gateway and dependencies
        add("rate-limited", 429, "请求过于频繁", "Too many requests",
                "The caller sent more requests than its share; `Retry-After` gives the seconds to wait.", "Wait as told by Retry-After, then retry.");
        add("internal", 500, "内部错误", "Internal error",
                "An unexpected error occurred; nothing of it is shown. Operators find it by the request id.", "Quote the `requestId` to the operators.");
        add("upstream-unreachable", 503, "上游服务不可达", "Service unavailable",
                "The gateway could not reach the service behind it; nothing was sent to it.", "Retry after the time given by Retry-After; if it persists, tell the operators the request id.");
        add("upstream-unavailable", 503, "服务暂不可用", "Service unavailable",
                "The service behind the gateway is failing and the gateway stopped sending to it for a while (circuit open).", "Retry after the time given by Retry-After.");
        add("dependency-unavailable", 503, "依赖服务不可用", "Dependency unavailable",
                "A service this request depends on (such as the units directory) cannot be reached; nothing was changed.", "Retry after the time given by Retry-After.");
        add("upstream-timeout", 503, "上游服务超时", "Upstream timeout",
                "The service behind the gateway did not answer in time; the request may or may not have taken effect.",
                "Retry with the same Idempotency-Key: a write that took effect answers its first answer again.");
    }

    private ProblemCatalogue() {
    }

    private static void add(String slug, int status, String titleZh, String titleEn, String meaning, String action) {
        if (ENTRIES.put(slug, new Entry(slug, status, titleZh, titleEn, meaning, action)) != null) {
            throw new IllegalStateException("problem slug listed twice: " + slug);
        }
    }

    /** Every entry, in catalogue order. */
    public static Collection<Entry> all() {
        return ENTRIES.values();
    }

    public static Optional<Entry> find(String slug) {
        return Optional.ofNullable(ENTRIES.get(slug));
    }

    public static boolean has(String slug) {
        return ENTRIES.containsKey(slug);
    }
}
