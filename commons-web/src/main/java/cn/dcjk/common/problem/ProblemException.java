package cn.dcjk.common.problem;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * A refusal the suite means to give: it carries everything of the problem body except the
 * request id, which the mapper adds. Messages come in Chinese and English; the client's
 * Accept-Language picks one.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final Text title;
    private final Text detail;
    private final List<Problem.FieldError> errors;
    private final List<?> findings;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ProblemException(int status, String slug, Text title, Text detail,
            List<Problem.FieldError> errors, List<?> findings, Map<String, Object> extensions,
            Map<String, String> headers) {
        super(slug + ": " + (detail == null ? title.en() : detail.en()), null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.findings = findings == null ? List.of() : List.copyOf(findings);
        this.extensions = extensions == null ? Map.of() : new LinkedHashMap<>(extensions);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(boolean english) {
        Problem p = new Problem(slug, title.in(english), status, detail == null ? null : detail.in(english));
        p.errors = errors.isEmpty() ? null : errors;
        p.findings = findings.isEmpty() ? null : findings;
        extensions.forEach(p::with);
        return p;
    }

    /** A message in the suite's two languages. */
    public record Text(String zh, String en) {
        public String in(boolean english) {
            return english ? en : zh;
        }
    }
}
