package cn.dcjk.fullstack;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * Access tokens of the realm's demo users (password {@code demo}), from the real Keycloak by the
 * password grant of the public client {@code dcjk-dev}. A token is reused until shortly before it expires.
 */
final class Keycloak {

    static final String CLIENT = "dcjk-dev";
    static final String PASSWORD = "demo";

    private final String tokenUrl;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    private record Token(String value, Instant renewAfter) {
    }

    Keycloak(String baseUrl, String realm) {
        this.tokenUrl = baseUrl + "/realms/" + realm + "/protocol/openid-connect/token";
    }

    /** A valid access token of the user. */
    String token(String username) {
        Token t = tokens.get(username);
        if (t == null || Instant.now().isAfter(t.renewAfter())) {
            t = fetch(username);
            tokens.put(username, t);
        }
        return t.value();
    }

    private Token fetch(String username) {
        JsonPath answer = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("client_id", CLIENT)
                .formParam("username", username)
                .formParam("password", PASSWORD)
                .when().post(tokenUrl)
                .then().statusCode(200).extract().jsonPath();
        long lifetime = answer.getLong("expires_in");
        return new Token(answer.getString("access_token"), Instant.now().plusSeconds(Math.max(0, lifetime - 30)));
    }
}
