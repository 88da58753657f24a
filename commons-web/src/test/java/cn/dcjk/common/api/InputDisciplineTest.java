package cn.dcjk.common.api;

import cn.dcjk.common.problem.JsonProblems;
import cn.dcjk.common.problem.Problem;
import cn.dcjk.common.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one input discipline: each hostile body is a 400 naming the field, in words free of Java. */
class InputDisciplineTest {

    enum Kind { ANNUAL, SINGLE_MATTER }

    record Inner(String name, int count) {
    }

    record Body(String title, int year, long big, Kind kind, LocalDate on, List<String> tags,
            Map<String, String> labels, Inner inner, List<Inner> inners) {
    }

    static final ObjectMapper JSON = Json.strict(new ObjectMapper().registerModule(new JavaTimeModule()));

    /** body (single quotes stand for double quotes), then the status, the field ("-" for none) and a word of the message. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{'title':'a'} trailing                    | 400 | -            | invalid JSON (line 1, column 15)",
            "{'title':'a'}{'title':'b'}                 | 400 | -            | after the JSON value",
            "{'title':'a','title':'b'}                  | 400 | -            | duplicate key \"title\"",
            "{'inner':{'name':'a','name':'b'}}          | 400 | -            | duplicate key \"name\"",
            "{'title':'a\\u0000b'}                      | 400 | title        | U+0000",
            "{'title':'bell\\u0007'}                    | 400 | title        | U+0007",
            "{'title':'c1\\u0085'}                      | 400 | title        | U+0085",
            "{'title':'x\\ud800y'}                      | 400 | title        | lone surrogate",
            "{'title':'\\udc00'}                        | 400 | title        | lone surrogate",
            "{'tags':['ok','\\u0000']}                  | 400 | tags[1]      | U+0000",
            "{'labels':{'k\\u0001':'v'}}                | 400 | labels       | U+0001",
            "{'labels':{'k':'v\\u0002'}}                | 400 | labels.k     | U+0002",
            "{'inners':[{'name':'\\ud83d'}]}            | 400 | inners[0].name | lone surrogate",
            "{'year':99999999999}                       | 400 | year         | out of range",
            "{'year':1.5}                               | 400 | year         | integer",
            "{'big':1e400}                              | 400 | big          | integer",
            "{'big':123456789012345678901234567890}     | 400 | big          | out of range",
            "{'inner':{'count':-99999999999}}           | 400 | inner.count  | out of range",
            "{'year':'x'}                               | 400 | year         | integer",
            "{'kind':'YEARLY'}                          | 400 | kind         | ANNUAL, SINGLE_MATTER",
            "{'on':'2026-02-30'}                        | 400 | on           | date",
            "{'tags':'a'}                               | 400 | tags         | array",
            "{'nope':1}                                 | 400 | nope         | unknown field",
            "{'title':}                                 | 400 | -            | invalid JSON",
            "[1,2]                                      | 400 | body         | object",
            "''                                         | 400 | body         | object",
    })
    void hostileBodiesAreRefusedByField(String body, int status, String field, String word) {
        String json = body.trim().equals("''") ? "" : body.trim().replace('\'', '"');
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, Body.class));
        ProblemException p = JsonProblems.describe(e);
        Problem problem = p.toProblem(true);
        assertEquals(status, p.status());
        String text = problem.detail + " " + (problem.errors == null ? "" : problem.errors.toString());
        assertTrue(text.contains(word), () -> text);
        if (!field.equals("-")) {
            assertNotNull(problem.errors, text);
            assertEquals(field, problem.errors.get(0).field(), text);
        }
        assertFalse(JsonProblems.javaish(text), () -> "names Java: " + text);
        assertFalse(text.contains("Body") || text.contains("Inner") || text.contains("jackson"), () -> text);
    }

    @Test
    void deepNestingIsA400WithoutNamingTheLibrary() {
        String json = "{\"inner\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, Body.class));
        ProblemException p = JsonProblems.describe(e);
        Problem problem = p.toProblem(true);
        assertEquals(400, p.status());
        String text = problem.detail + " " + (problem.errors == null ? "" : problem.errors.toString());
        assertFalse(JsonProblems.javaish(text) || text.contains("StreamReadConstraints") || text.contains("jackson"),
                () -> text);
    }

    @Test
    void goodTextPasses() {
        String json = "{\"title\":\"督查 😀 tab\\tline\\nend\",\"year\":2026,\"tags\":[\"a\"],\"labels\":{\"k\":\"v\"}}";
        Body b = assertDoesNotThrow(json);
        assertEquals(2026, b.year());
        assertEquals("督查 😀 tab\tline\nend", b.title());
    }

    private static Body assertDoesNotThrow(String json) {
        try {
            return JSON.readValue(json, Body.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void textRules() {
        assertEquals(null, Text.problem("plain 中文 \t\r\n"));
        assertTrue(Text.problem("\u007f").contains("U+007F"));
        assertTrue(Text.problem("a\ud83d\ude00\ud83d").contains("lone surrogate"));
    }
}
