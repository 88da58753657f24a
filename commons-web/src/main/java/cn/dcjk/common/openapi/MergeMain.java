package cn.dcjk.common.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The build's merge: {@code MergeMain <out-dir> <openid-connect-url> name=path/openapi.json...}
 * writes the suite document as out-dir/dcjk-openapi.json and .yaml, the same way the gateway
 * merges at run time, and fails (exit status 1) when {@link ContractLint} finds a violation.
 */
public final class MergeMain {

    private MergeMain() {
    }

    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path out = Path.of(args[0]);
        List<SuiteDocument.Part> parts = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] nv = args[i].split("=", 2);
            parts.add(new SuiteDocument.Part(nv[0], json.readTree(Path.of(nv[1]).toFile())));
        }
        ObjectNode merged = SuiteDocument.merge(parts, args[1], "1.0.0");
        Files.createDirectories(out);
        json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("dcjk-openapi.json").toFile(), merged);
        new YAMLMapper().writeValue(out.resolve("dcjk-openapi.yaml").toFile(), merged);
        List<String> violations = ContractLint.check(merged);
        if (!violations.isEmpty()) {
            violations.forEach(v -> System.err.println("OpenAPI contract: " + v));
            throw new IllegalStateException(violations.size() + " violations of the OpenAPI contract (see above)");
        }
        System.out.println("OpenAPI contract: " + merged.path("paths").size() + " paths merged, no violation");
    }
}
