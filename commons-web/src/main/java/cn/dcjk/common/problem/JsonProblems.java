package cn.dcjk.common.problem;

import cn.dcjk.common.api.BadTextException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An unreadable JSON body in the suite's own words: the field as the client named it and what
 * the field must be, in JSON terms. The parser's own messages are never passed on: they name Java
 * types, packages and library settings.
 */
public final class JsonProblems {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate (?:field|Object property) '([^']{0,100})'");

    private JsonProblems() {
    }

    public static ProblemException describe(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m.getPath()) : "";
        Throwable cause = innermost(e);
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher dup = DUPLICATE.matcher(message);
        if (dup.find()) {
            String parent = field.isEmpty() ? "" : parentOf(e);
            return Problems.malformed("duplicate key \"" + dup.group(1) + "\""
                    + (parent.isEmpty() ? "" : " in " + parent) + where(e));
        }
        if (message.startsWith("Trailing token")) {
            return Problems.malformed("data after the JSON value" + where(e));
        }
        if (e instanceof BadTextException || cause instanceof BadTextException) {
            String own = (cause instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getOriginalMessage());
            return Problems.invalid(orBody(field), own);
        }
        if (e instanceof UnrecognizedPropertyException) {
            return Problems.invalid(orBody(field), "unknown field");
        }
        if (cause instanceof InputCoercionException c) {
            return Problems.invalid(orBody(field), "number out of range: must be " + expected(c.getTargetType()));
        }
        if (cause instanceof StreamConstraintsException) {
            return Problems.malformed("a value is too long or nested too deep" + where(e));
        }
        if (e instanceof InvalidFormatException f) {
            return Problems.invalid(orBody(field), "must be " + expected(f.getTargetType()));
        }
        if (e instanceof ValueInstantiationException) {
            String reason = cause instanceof IllegalArgumentException && cause.getMessage() != null
                    && !javaish(cause.getMessage()) ? ": " + cause.getMessage() : "";
            return Problems.invalid(orBody(field), "invalid value" + reason);
        }
        if (e instanceof MismatchedInputException mi) {
            if (mi.getTargetType() == null && field.isEmpty()) {
                return Problems.malformed("the body is empty or not a JSON value" + where(e));
            }
            return Problems.invalid(orBody(field), "must be " + expected(mi.getTargetType()));
        }
        if (e instanceof JsonParseException || cause instanceof JsonParseException) {
            return Problems.malformed("invalid JSON" + where(e));
        }
        if (!field.isEmpty()) {
            return Problems.invalid(field, "unreadable value");
        }
        return Problems.malformed("invalid JSON" + where(e));
    }

    /** What a JSON value must be to fill a Java type, said in JSON terms. */
    public static String expected(Class<?> t) {
        if (t == null) {
            return "a valid value";
        }
        if (t == int.class || t == Integer.class) {
            return "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (t == long.class || t == Long.class) {
            return "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (t == short.class || t == Short.class) {
            return "an integer from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE;
        }
        if (t == BigInteger.class) {
            return "an integer";
        }
        if (t == double.class || t == Double.class || t == float.class || t == Float.class
                || t == BigDecimal.class) {
            return "a number";
        }
        if (t == boolean.class || t == Boolean.class) {
            return "true or false";
        }
        if (t == String.class || t == char.class || t == Character.class) {
            return "a string";
        }
        if (t.isEnum()) {
            return "one of " + Arrays.stream(t.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (t == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (t == OffsetDateTime.class || t == Instant.class) {
            return "a date-time with offset (RFC 3339, e.g. 2026-05-01T09:30:00+08:00)";
        }
        if (t == LocalTime.class) {
            return "a time (HH:MM or HH:MM:SS)";
        }
        if (t == YearMonth.class) {
            return "a month (YYYY-MM)";
        }
        if (t.isArray() || Collection.class.isAssignableFrom(t)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(t)) {
            return "an object";
        }
        return "an object";
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
        return b.toString();
    }

    private static String parentOf(JsonProcessingException e) {
        List<JsonMappingException.Reference> refs = ((JsonMappingException) e).getPath();
        return path(refs.subList(0, Math.max(0, refs.size() - 1)));
    }

    private static String orBody(String field) {
        return field.isEmpty() ? "body" : field;
    }

    private static String where(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        return l == null || l.getLineNr() < 1 ? "" : " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
    }

    private static Throwable innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** Text that names Java types, packages or library internals, and so is never shown. */
    public static boolean javaish(String s) {
        return s.contains("`") || s.contains("java.") || s.contains("Exception")
                || Pattern.compile("\\b[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*\\.[A-Za-z]").matcher(s).find();
    }
}
