package cn.dcjk.common.openapi;

import cn.dcjk.common.problem.ProblemTypes;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;

/** The RFC 9457 problem body of the suite as an OpenAPI schema, with an example. */
final class ProblemSchema {

    private ProblemSchema() {
    }

    static void addTo(Components c) {
        c.addSchema("ProblemFieldError", object("One invalid field: its JSON path or parameter name and what is wrong")
                .addProperty("field", string("JSON path as the client sent it, e.g. items[0].unitCode"))
                .addProperty("message", string("What is wrong with it"))
                .required(List.of("field", "message")));
        c.addSchema("ProblemFinding", object("One finding of a rule: the rule's name (RULEBOOK row), its articles, "
                + "severity, message and facts")
                .addProperty("rule", string("The rule, e.g. PLAN-CAP"))
                .addProperty("articles", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)))
                .addProperty("severity", string("BLOCK, WARN or INFO"))
                .addProperty("message", string("The finding in Chinese"))
                .addProperty("messageEn", string("The finding in English"))
                .addProperty("exceptionGranted", OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN))
                .addProperty("facts", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .additionalPropertiesBoolean(true)));
        Schema problem = object("RFC 9457 problem details (application/problem+json). `type` is an absolute URI "
                + "of the suite's problem catalogue, where a page says what it means and what to do.")
                .addProperty("type", string("The problem type: " + ProblemTypes.base() + "{slug}").format("uri"))
                .addProperty("title", string("Short summary, in the language of Accept-Language (zh or en)"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("detail", string("This occurrence explained"))
                .addProperty("instance", string("The request path"))
                .addProperty("requestId", string("The request id (X-Request-Id) to quote to operators"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("ProblemFieldError")))
                .addProperty("findings", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("ProblemFinding")))
                .required(List.of("type", "title", "status"))
                .additionalPropertiesBoolean(true)
                .examples(List.of(Map.of("type", ProblemTypes.of("validation"), "title", "Invalid request",
                        "status", 400, "detail", "Invalid fields: year", "instance", "/api/v1/plans",
                        "requestId", "7f3c2a9e1b4d",
                        "errors", List.of(Map.of("field", "year", "message", "must be greater than or equal to 2000")))));
        c.addSchema(ContractFilter.PROBLEM, problem);
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
