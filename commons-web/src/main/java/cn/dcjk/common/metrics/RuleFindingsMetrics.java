package cn.dcjk.common.metrics;

import cn.dcjk.common.rule.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code dcjk_rule_findings_total{rule,article,severity,outcome}}: every finding a write was answered
 * with, counted once. A refusal (its problem body lists the findings) counts its blocking findings as
 * {@code refused}; a write that went through counts the findings it returns as {@code warned}, or
 * {@code granted} for a PRINCIPLE finding whose exception was granted. Reads and replays of an
 * idempotent write, and dry-run checks (paths ending in /checks or /check) are not counted. Every label is bounded: rules and articles by the rulebook,
 * severity and outcome by their enums.
 */
@Singleton
public class RuleFindingsMetrics {

    private static final int MAX_DEPTH = 3;

    @Inject
    MeterRegistry registry;
    @Inject
    ObjectMapper json;

    private final Map<Class<?>, List<Function<Object, Object>>> accessors = new ConcurrentHashMap<>();

    @ServerResponseFilter
    public void count(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        String path = request.getUriInfo().getPath();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)
                || response.getHeaderString("Idempotent-Replayed") != null
                || path.endsWith("/checks") || path.endsWith("/check")) {
            // reads, replays and dry-run checks decide nothing
            return;
        }
        Object entity = response.getEntity();
        int status = response.getStatus();
        if (status >= 400 && entity instanceof String body && body.contains("\"findings\"")) {
            refused(body);
        } else if (status / 100 == 2 && entity != null && !(entity instanceof String)) {
            List<Finding> found = new ArrayList<>();
            collect(entity, found, 0);
            found.stream().filter(f -> !f.blocks())
                    .forEach(f -> increment(f.rule(), f.articles(), String.valueOf(f.severity()), outcome(f)));
        }
    }

    private void refused(String body) {
        JsonNode findings;
        try {
            findings = json.readTree(body).path("findings");
        } catch (Exception e) {
            return;
        }
        for (JsonNode f : findings) {
            List<Integer> articles = new ArrayList<>();
            f.path("articles").forEach(a -> articles.add(a.asInt()));
            String severity = f.path("severity").asText();
            boolean granted = f.path("exceptionGranted").asBoolean(false);
            boolean blocks = "PROHIBITED".equals(severity) || "PRINCIPLE".equals(severity) && !granted;
            increment(f.path("rule").asText(), articles, severity, blocks ? "refused" : granted ? "granted" : "warned");
        }
    }

    static String outcome(Finding f) {
        return f.blocks() ? "refused" : Boolean.TRUE.equals(f.exceptionGranted()) ? "granted" : "warned";
    }

    private void increment(String rule, List<Integer> articles, String severity, String outcome) {
        StringJoiner article = new StringJoiner(",");
        articles.forEach(a -> article.add(String.valueOf(a)));
        Counter.builder("dcjk.rule.findings")
                .description("Findings of the rulebook a write was answered with, by rule, article, severity and outcome")
                .tag("rule", rule).tag("article", article.toString()).tag("severity", severity).tag("outcome", outcome)
                .register(registry).increment();
    }

    /** The findings in a response object: its fields and record components, a few levels down. */
    private void collect(Object value, List<Finding> out, int depth) {
        if (value == null || depth > MAX_DEPTH) {
            return;
        }
        if (value instanceof Finding f) {
            out.add(f);
            return;
        }
        if (value instanceof Collection<?> c) {
            for (Object o : c) {
                if (o instanceof Finding || depth < MAX_DEPTH) {
                    collect(o, out, depth + 1);
                }
            }
            return;
        }
        if (value instanceof Map<?, ?> || value.getClass().getName().startsWith("java.")
                || value.getClass().isEnum() || value.getClass().isArray()) {
            return;
        }
        for (Function<Object, Object> get : accessors.computeIfAbsent(value.getClass(), RuleFindingsMetrics::accessors)) {
            collect(get.apply(value), out, depth + 1);
        }
    }

    /** Readers of the record components and public fields that may hold findings (ours, not the JDK's). */
    private static List<Function<Object, Object>> accessors(Class<?> type) {
        List<Function<Object, Object>> list = new ArrayList<>();
        if (!type.getPackageName().startsWith("cn.dcjk")) {
            return list;
        }
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (mayHold(c.getType())) {
                    Method m = c.getAccessor();
                    m.setAccessible(true);
                    list.add(o -> invoke(m, o));
                }
            }
            return list;
        }
        for (Field f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && mayHold(f.getType())) {
                list.add(o -> read(f, o));
            }
        }
        return list;
    }

    private static boolean mayHold(Class<?> type) {
        return Collection.class.isAssignableFrom(type) || type == Finding.class
                || !type.isPrimitive() && type.getPackageName().startsWith("cn.dcjk") && !type.isEnum();
    }

    private static Object invoke(Method m, Object o) {
        try {
            return m.invoke(o);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static Object read(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            return null;
        }
    }
}
