package cn.dcjk.common.problem;

import cn.dcjk.common.problem.ProblemException.Text;

import java.util.List;
import java.util.Map;

/** The refusals of the suite, one factory each, so every service words them the same way. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(400, "validation",
                new Text("请求参数不合法", "Invalid request"),
                new Text("字段校验失败：" + fields(errors), "Invalid fields: " + fields(errors)),
                errors, null, null, null);
    }

    public static ProblemException malformed(String detailEn) {
        return new ProblemException(400, "malformed-request",
                new Text("请求格式错误", "Malformed request"),
                new Text("请求体无法解析：" + detailEn, detailEn), null, null, null, null);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found",
                new Text("资源不存在", "Not found"),
                new Text("未找到" + what + "：" + id, "No " + what + " " + id),
                null, null, Map.of("resource", what, "id", String.valueOf(id)), null);
    }

    public static ProblemException conflict(String slug, String zh, String en) {
        return new ProblemException(409, slug, new Text("状态冲突", "Conflict"), new Text(zh, en),
                null, null, null, null);
    }

    /** 412 (RFC 9110 13.1.1): the If-Match names another version than the current one. */
    public static ProblemException staleVersion(Object expected, Object current) {
        return new ProblemException(412, "stale-version",
                new Text("数据已被他人修改", "Stale version"),
                new Text("If-Match " + expected + " 与当前版本 " + current + " 不符，请重新读取后再改",
                        "If-Match " + expected + " does not match the current version " + current + "; read it again"),
                null, null, Map.of("currentETag", String.valueOf(current)), null);
    }

    /** 428 (RFC 6585 3): an update must name the version it changes. */
    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "precondition-required",
                new Text("缺少 If-Match", "Precondition required"),
                new Text("更新须在 If-Match 中给出所读版本的 ETag，请先读取再改",
                        "An update must send the ETag it read as If-Match; read the resource first"),
                null, null, null, null);
    }

    public static ProblemException forbidden(String zh, String en) {
        return new ProblemException(403, "forbidden", new Text("无权操作", "Forbidden"), new Text(zh, en),
                null, null, null, null);
    }

    public static ProblemException unauthenticated() {
        return new ProblemException(401, "unauthenticated",
                new Text("未认证", "Unauthenticated"),
                new Text("需要有效的访问令牌（Bearer）", "A valid bearer access token is required"),
                null, null, null, Map.of("WWW-Authenticate", "Bearer realm=\"dcjk\""));
    }

    public static ProblemException unavailable(String dependency) {
        return new ProblemException(503, "dependency-unavailable",
                new Text("依赖服务不可用", "Service unavailable"),
                new Text("暂时无法访问 " + dependency + "，未作任何更改，请稍后重试",
                        dependency + " cannot be reached; nothing was changed, try again later"),
                null, null, Map.of("dependency", dependency), Map.of("Retry-After", "5"));
    }

    public static ProblemException idempotencyMismatch(String key) {
        return new ProblemException(422, "idempotency-key-reused",
                new Text("幂等键已用于另一请求", "Idempotency key reused"),
                new Text("Idempotency-Key " + key + " 已用于内容不同的请求",
                        "Idempotency-Key " + key + " was used for a request with a different body"),
                null, null, Map.of("idempotencyKey", key), null);
    }

    private static String fields(List<Problem.FieldError> errors) {
        return String.join(", ", errors.stream().map(Problem.FieldError::field).toList());
    }
}
