package cn.dcjk.common.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.dcjk.common.openapi.SuiteDocumentTest.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractLintTest {

    static final String PROBLEM = "{'content':{'application/problem+json':{'schema':{'$ref':'#/components/schemas/Problem'}}}}";

    static String ok(String extra) {
        return "{'paths':{'/api/v1/things/{id}':{'put':{'operationId':'thingUpdate','security':[{'SecurityScheme':[]}],"
                + "'parameters':[{'name':'If-Match','in':'header','required':true}],"
                + "'requestBody':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Thing'},'example':{}}}},"
                + "'responses':{'200':{'content':{'application/json':{'schema':{'$ref':'#/components/schemas/Thing'},'example':{}}}},"
                + "'400':" + PROBLEM + ",'401':" + PROBLEM + ",'403':" + PROBLEM + ",'404':" + PROBLEM + ",'412':" + PROBLEM
                + ",'428':" + PROBLEM + ",'500':" + PROBLEM + extra + "}}}},"
                + "'components':{'schemas':{'Thing':{'type':'object'},'Problem':{'type':'object'}}}}";
    }

    @Test
    void aCompleteOperationPasses() throws Exception {
        assertEquals(List.of(), ContractLint.check(doc(ok(""))));
    }

    @Test
    void eachDefectIsNamed() throws Exception {
        String good = ok("");
        record Defect(String doc, String expected) {
        }
        for (Defect d : List.of(
                new Defect(good.replace("'operationId':'thingUpdate',", ""), "no operationId"),
                new Defect(good.replace("'schema':{'$ref':'#/components/schemas/Thing'},'example':{}}}},'400'",
                        "'schema':{},'example':{}}}},'400'"), "untyped 200"),
                new Defect(good.replace(",'412':" + PROBLEM, ""), "status 412 not documented"),
                new Defect(good.replace(",'404':" + PROBLEM, ""), "status 404 not documented"),
                new Defect(ok(",'409':{'description':'conflict'}"), "409 without the Problem schema"),
                new Defect(good.replace("'required':true", "'required':false"), "If-Match not required"),
                new Defect(good.replace("#/components/schemas/Thing'},'example':{}}}},'400'",
                        "#/components/schemas/Nothing'},'example':{}}}},'400'"), "unresolved $ref"),
                new Defect(good.replace("},'example':{}}}},'responses'", "}}}},'responses'"), "without an example"))) {
            JsonNode doc = doc(d.doc());
            List<String> violations = ContractLint.check(doc);
            assertTrue(violations.stream().anyMatch(v -> v.contains(d.expected())), () -> d.expected() + " in " + violations);
        }
    }
}
