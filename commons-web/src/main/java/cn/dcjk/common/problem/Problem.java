package cn.dcjk.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the one error body of the suite (application/problem+json).
 * Extension members: {@code requestId} always; {@code errors} for invalid fields;
 * {@code findings} for rule refusals; anything else a problem needs in {@link #extensions}.
 * The {@code type} is an absolute URI of the {@link ProblemCatalogue}, stable for clients to switch on.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "requestId", "errors", "findings"})
public class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    public String type;
    public String title;
    public int status;
    public String detail;
    public String instance;
    public String requestId;
    public List<FieldError> errors;
    public List<?> findings;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem() {
    }

    public Problem(String slug, String title, int status, String detail) {
        this.type = ProblemTypes.of(slug);
        this.title = title;
        this.status = status;
        this.detail = detail;
    }

    @JsonAnyGetter
    public Map<String, Object> extensions() {
        return extensions;
    }

    public Problem with(String name, Object value) {
        if (value != null) {
            extensions.put(name, value);
        }
        return this;
    }

    /** One invalid field: its JSON path as the client sent it, and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
