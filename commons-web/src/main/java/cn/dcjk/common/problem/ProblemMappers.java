package cn.dcjk.common.problem;

import cn.dcjk.common.request.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.core.JsonParseException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every failure a client can meet, as RFC 9457 problem+json. Nothing of the server's inside
 * (stack, SQL, class names) reaches the body; unexpected errors are logged with the request id,
 * and the client gets that id to quote.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Response.ResponseBuilder r = respond(e.toProblem(english(headers)), uri);
        e.headers().forEach(r::header);
        return r.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(Problems.invalid(errors), headers, uri);
    }

    // Listed one by one: Quarkus has its own mappers for the specific Jackson exceptions.
    @ServerExceptionMapper({JsonProcessingException.class, UnrecognizedPropertyException.class,
            MismatchedInputException.class, InvalidFormatException.class, JsonParseException.class,
            InvalidDefinitionException.class})
    public Response unreadable(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m.getPath());
            String message = e instanceof UnrecognizedPropertyException ? "unknown field" : "unreadable value";
            return problem(Problems.invalid(field, message), headers, uri);
        }
        String reason = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage();
        // The parser's own words name the token and position, never a class of ours.
        return problem(Problems.malformed(reason.length() > 200 ? reason.substring(0, 200) : reason), headers, uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        Response outage = outage(e, headers, uri);
        if (outage != null) {
            return outage;
        }
        return problem(Problems.unauthenticated(), headers, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        return problem(Problems.forbidden("当前角色或单位无权执行此操作", "Your role or unit may not do this"), headers, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, headers, uri);
        }
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        Map.Entry<String, ProblemException.Text> kind = switch (status) {
            case 401 -> Map.entry("unauthenticated", new ProblemException.Text("未认证", "Unauthenticated"));
            case 403 -> Map.entry("forbidden", new ProblemException.Text("无权操作", "Forbidden"));
            case 404 -> Map.entry("not-found", new ProblemException.Text("资源不存在", "Not found"));
            case 405 -> Map.entry("method-not-allowed", new ProblemException.Text("不支持该方法", "Method not allowed"));
            case 406 -> Map.entry("not-acceptable", new ProblemException.Text("无法提供所需格式", "Not acceptable"));
            case 413 -> Map.entry("payload-too-large", new ProblemException.Text("请求体过大", "Payload too large"));
            case 415 -> Map.entry("unsupported-media-type",
                    new ProblemException.Text("不支持的媒体类型", "Unsupported media type"));
            default -> Map.entry("bad-request", new ProblemException.Text("请求错误", "Bad request"));
        };
        ProblemException p = new ProblemException(status, kind.getKey(), kind.getValue(),
                new ProblemException.Text(kind.getValue().zh() + "：" + uri.getPath(),
                        kind.getValue().en() + ": " + uri.getPath()),
                null, null, null, status == 401 ? Map.of("WWW-Authenticate", "Bearer realm=\"dcjk\"") : null);
        return problem(p, headers, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        Response outage = outage(e, headers, uri);
        if (outage != null) {
            return outage;
        }
        String id = RequestIds.current();
        LOG.errorf(e, "Unexpected error serving %s (request %s)", uri.getPath(), id);
        Problem p = new Problem("internal", english(headers) ? "Internal error" : "内部错误", 500,
                english(headers) ? "An unexpected error occurred; quote the request id to the operators"
                        : "发生意外错误，请将请求编号告知运维人员");
        return respond(p, uri).build();
    }

    /** A dependency that is down (database, the realm's keys): 503 with Retry-After, logged without a stack. */
    private Response outage(Throwable e, HttpHeaders headers, UriInfo uri) {
        return Outages.dependency(e).map(dependency -> {
            LOG.warnf("%s unavailable serving %s (request %s): %s", dependency, uri == null ? "" : uri.getPath(),
                    RequestIds.current(), e);
            return problem(Problems.unavailable(dependency), headers, uri);
        }).orElse(null);
    }

    private Response.ResponseBuilder respond(Problem p, UriInfo uri) {
        p.requestId = RequestIds.current();
        p.instance = uri == null ? null : uri.getPath();
        String body;
        try {
            body = json.writeValueAsString(p);
        } catch (JsonProcessingException ex) {
            body = "{\"status\":" + p.status + "}";
        }
        return Response.status(p.status).type(Problem.MEDIA_TYPE).entity(body);
    }

    static boolean english(HttpHeaders headers) {
        if (headers == null) {
            return false;
        }
        List<Locale> langs = headers.getAcceptableLanguages();
        return !langs.isEmpty() && "en".equalsIgnoreCase(langs.get(0).getLanguage());
    }

    /** The violated field as the client named it: method and parameter nodes dropped. */
    static String field(ConstraintViolation<?> v) {
        StringBuilder b = new StringBuilder();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && b.length() > 0) {
                b.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(node.getName());
            }
        }
        return b.length() > 0 ? b.toString() : (parameter == null ? "body" : parameter);
    }

    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) {
                    b.append('.');
                }
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.length() == 0 ? "body" : b.toString();
    }
}
