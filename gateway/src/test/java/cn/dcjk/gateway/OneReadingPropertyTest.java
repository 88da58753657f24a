package cn.dcjk.gateway;

import cn.dcjk.common.request.CanonicalTarget;
import cn.dcjk.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.impl.URIDecoder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One reading of every request, generatively: thousands of paths (seeded, so a failure repeats)
 * built from mixed encodings, dot segments, separators and case, through every routing prefix.
 * Each is either refused at the gateway, or the service receives a path whose one decoding is the
 * canonical path the gateway routed and decided on, under the same prefix.
 */
@QuarkusTest
class OneReadingPropertyTest {

    static final String[] PREFIXES = {"/api/v1/plans", "/api/v1/units", "/api/v1/inspections", "/api/v1/findings",
            "/api/v1/accountability/referrals", "/api/v1/complaints", "/api/v1/backtracing", "/api/v1/positive-list",
            "/api/v1/audit/plan", "/API/V1/plans", "/api/v1/Accountability"};
    static final String[] PIECES = {"a", "B", "370102-DIS", "%41", "%2F", "%2f", "%25", "%252F", "%252e", "..", ".", "",
            "%2e", "%2E%2E", "\\", "%5C", ";x=1", "%3B", "%00", "%7F", "%C3%A9", "%E2%80%AE", "%E2%80%8B", "+", "%20",
            "~", "%7E", "%ZZ", "%", "%c0%af", "A%42C", "%3F", "%23", "x.y", "...", "%u002e", "%E4%B8%AD", "%F0%9F%98%80",
            "%ED%A0%80", "'", "(", "*", "=", "@", ":", "!", "$", "&", ",", "12", "%C0%80"};

    @Test
    void eachPathIsRefusedOrReachesTheServiceAsTheGatewayReadIt() throws Exception {
        Random random = new Random(20261129L);
        String token = Tokens.token("reader", "auditor", "370000-PO");
        List<String> wrong = new ArrayList<>();
        int forwarded = 0;
        int refused = 0;
        for (int n = 0; n < 2500; n++) {
            StringBuilder path = new StringBuilder(PREFIXES[random.nextInt(PREFIXES.length)]);
            int segments = 1 + random.nextInt(4);
            for (int s = 0; s < segments; s++) {
                path.append(random.nextInt(12) == 0 ? "//" : "/");
                int pieces = 1 + random.nextInt(3);
                for (int p = 0; p < pieces; p++) {
                    path.append(PIECES[random.nextInt(PIECES.length)]);
                }
            }
            if (random.nextInt(10) == 0) {
                path.append('/');
            }
            String sent = path.toString();
            RawHttp.Answer answer = RawHttp.send(RestAssured.port, "GET " + sent + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n", null);
            if (answer.status() >= 400) {
                refused++;
                if (answer.status() >= 500) {
                    wrong.add(sent + " answered " + answer.status());
                }
                continue;
            }
            forwarded++;
            CanonicalTarget decided = CanonicalTarget.parse(sent, null);
            String received = new JsonObject(answer.body()).getString("path");
            String serviceReading = URIDecoder.decodeURIComponent(received, false);
            if (!decided.pathAsSent() || !serviceReading.equals(decided.path())
                    || !CanonicalTarget.parse(received, null).path().equals(decided.path())) {
                wrong.add(sent + " decided as " + decided.path() + " but the service read " + serviceReading);
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(forwarded > 100 && refused > 100, "forwarded " + forwarded + ", refused " + refused);
    }
}
