package cn.dcjk.common.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suite's conventions written into every service's OpenAPI document, so no operation repeats
 * them: a stable {@code operationId} (resource and method: {@code planCreate}); the headers each
 * operation reads ({@code Idempotency-Key} on writes, a required {@code If-Match} on updates) and
 * sets ({@code ETag}, {@code Location}, {@code Idempotent-Replayed}, {@code Retry-After}); every
 * status it can answer, each error with the {@code Problem} schema of application/problem+json;
 * examples. Operations marked {@code x-dcjk-dry-run} write nothing and take no Idempotency-Key.
 */
public class ContractFilter implements OASFilter {

    public static final String PROBLEM = "Problem";
    public static final String PROBLEM_MEDIA = "application/problem+json";
    public static final String DRY_RUN = "x-dcjk-dry-run";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        ProblemSchema.addTo(components);
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Schema> schemas = components.getSchemas() == null ? Map.of() : components.getSchemas();
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> {
            operationId(op);
            conventions(path, method, op);
            Examples.add(op, schemas);
        }));
    }

    static void operationId(Operation op) {
        String id = op.getOperationId();
        if (id == null || !id.contains("_")) {
            return;
        }
        String resource = id.substring(0, id.indexOf('_')).replaceAll("Resource$", "");
        String method = id.substring(id.indexOf('_') + 1);
        op.setOperationId(Character.toLowerCase(resource.charAt(0)) + resource.substring(1)
                + Character.toUpperCase(method.charAt(0)) + method.substring(1));
    }

    static void conventions(String path, PathItem.HttpMethod method, Operation op) {
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.PATCH || method == PathItem.HttpMethod.DELETE;
        boolean dryRun = op.getExtensions() != null && op.getExtensions().containsKey(DRY_RUN);
        boolean idempotent = write && !dryRun;
        boolean requiresVersion = false;
        boolean pathParams = path.contains("{");
        List<Parameter> params = op.getParameters() == null ? new ArrayList<>() : new ArrayList<>(op.getParameters());
        for (Parameter p : params) {
            if (p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName())) {
                requiresVersion = true;
                p.setRequired(true);
                p.setDescription("The ETag of the version being changed, as read (RFC 9110). Missing: 428; "
                        + "another version: 412.");
                p.setExample("\"3\"");
            }
        }
        if (idempotent && params.stream().noneMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()))) {
            params.add(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER).required(false)
                    .description("A key of the client's choosing (up to 255 characters). The same key and body answer "
                            + "the first answer again, marked Idempotent-Replayed: true; the same key with "
                            + "another body is refused with 422.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(255))
                    .example("0b6f3c1e-2d7a-4c59-9a57-4d0c3e7f1a20"));
        }
        op.setParameters(params.isEmpty() ? null : params);
        boolean ifMatch = requiresVersion;

        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        Map<String, APIResponse> existing = responses.getAPIResponses() == null ? Map.of()
                : new LinkedHashMap<>(responses.getAPIResponses());
        boolean secured = op.getSecurity() != null && !op.getSecurity().isEmpty();
        Map<String, APIResponse> out = new TreeMap<>();
        existing.forEach((code, r) -> {
            if (code.startsWith("2") || code.startsWith("3")) {
                out.put(code, success(code, r, write, idempotent, ifMatch, method, pathParams));
            }
        });
        // the errors this operation can answer, each a problem
        error(out, "400", "Invalid or malformed request: `errors` names each field (validation, malformed-request)");
        if (secured) {
            error(out, "401", "No valid bearer token (unauthenticated)");
            error(out, "403", "The caller's role, unit or jurisdiction does not allow this (forbidden)");
        }
        if (pathParams) {
            error(out, "404", "No such resource, or none the caller may see (not-found)");
        }
        if (write) {
            error(out, "409", "The object's state does not allow this, or a concurrent write won (see the catalogue)");
        }
        if (ifMatch) {
            error(out, "412", "If-Match names another version than the current one (stale-version); "
                    + "`currentETag` gives the current one");
            error(out, "428", "If-Match is missing (precondition-required)");
        }
        if (write || existing.containsKey("422")) {
            error(out, "422", "Refused by a rule of the measures with its findings (rule-refused), or an "
                    + "Idempotency-Key reused with another body (idempotency-key-reused)");
        }
        if (op.getRequestBody() != null) {
            error(out, "413", "The body exceeds the limit (payload-too-large)");
            error(out, "415", "The body is not application/json (unsupported-media-type)");
        }
        error(out, "429", "Too many requests (rate-limited); wait as told by Retry-After").addHeader("Retry-After",
                retryAfter());
        error(out, "500", "Unexpected error (internal); quote the requestId");
        error(out, "503", "A dependency is unavailable; nothing was changed (dependency-unavailable, "
                + "upstream-unavailable, upstream-unreachable), or the service did not answer in time "
                + "(upstream-timeout: retry with the same Idempotency-Key)").addHeader("Retry-After", retryAfter());
        existing.forEach((code, r) -> {
            if (!out.containsKey(code) && !code.equals("default")) {
                out.put(code, problem(r.getDescription()));
            }
        });
        responses.setAPIResponses(new LinkedHashMap<>(out));
    }

    private static APIResponse success(String code, APIResponse r, boolean write, boolean idempotent, boolean ifMatch,
            PathItem.HttpMethod method, boolean pathParams) {
        if (r.getDescription() == null || r.getDescription().equals("OK")) {
            r.setDescription(code.equals("201") ? "Created" : code.equals("204") ? "No content" : "OK");
        }
        boolean hasBody = r.getContent() != null && r.getContent().getMediaTypes() != null
                && !r.getContent().getMediaTypes().isEmpty();
        if (code.equals("201")) {
            r.addHeader("Location", header("The address of the created resource"));
        }
        if (hasBody && (code.equals("201") || ifMatch || (method == PathItem.HttpMethod.GET && pathParams))) {
            r.addHeader("ETag", header("The version of the resource answered, to send back as If-Match on an update"));
        }
        if (idempotent) {
            r.addHeader("Idempotent-Replayed", OASFactory.createHeader()
                    .description("true when this is the stored first answer to the same Idempotency-Key and body")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN)));
        }
        return r;
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Header retryAfter() {
        return OASFactory.createHeader().description("Seconds to wait before retrying")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER));
    }

    private static APIResponse error(Map<String, APIResponse> out, String code, String description) {
        return out.computeIfAbsent(code, c -> problem(description));
    }

    static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType(PROBLEM_MEDIA, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    static boolean typed(MediaType m) {
        return m != null && m.getSchema() != null && (m.getSchema().getRef() != null
                || m.getSchema().getType() != null || m.getSchema().getOneOf() != null
                || m.getSchema().getAllOf() != null);
    }
}
