package cn.dcjk.gateway.console;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The console's pages (article 12's coordination and scheduling information system), served by the
 * gateway at the same origin as the API. Each page is rendered here with its words, landmarks and
 * forms; its script reads the API through the gateway. Public pages need no sign-in; the signed-in
 * ones sign in in the browser (authorization code + PKCE), the token kept in memory only.
 * Chinese by default; {@code ?lang=en} switches to English and is remembered in a cookie.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class ConsolePages {

    /** A page: its template, its title's key, and whether it needs a signed-in user. */
    public record Page(String name, String path, boolean signedIn) {
    }

    public static final List<Page> PAGES = List.of(
            new Page("home", "/", false),
            new Page("verify", "/verify", false),
            new Page("positive-list", "/positive-list", false),
            new Page("complaint", "/complaint", false),
            new Page("follow-up", "/complaint/follow-up", false),
            new Page("rehabilitations", "/rehabilitations", false),
            new Page("calendar", "/calendar", true),
            new Page("burden", "/burden", true),
            new Page("plans", "/plans", true),
            new Page("findings", "/findings", true),
            new Page("decisions", "/decisions", true));

    /** Approval codes as plans-service issues them (and nothing that could climb out of the path). */
    static final String CODE = "[A-Za-z0-9][A-Za-z0-9-]{0,39}";

    @Inject
    Engine engine;
    @Inject
    ConsoleConfig config;
    @Inject
    ComplaintBodies bodies;

    @GET
    @Operation(hidden = true)
    public Response home(@QueryParam("lang") String lang, @CookieParam("lang") String cookie) {
        return render("home", lang, cookie, Map.of());
    }

    @GET
    @Path("verify")
    @Operation(hidden = true)
    public Response verify(@QueryParam("code") String code, @QueryParam("lang") String lang,
            @CookieParam("lang") String cookie) {
        if (code != null && code.trim().matches(CODE)) {
            // the form without script lands on the code's own address
            return Response.seeOther(URI.create("/verify/" + code.trim())).build();
        }
        return render("verify", lang, cookie, Map.of("code", "", "invalid", code != null && !code.isBlank()));
    }

    @GET
    @Path("verify/{code}")
    @Operation(hidden = true)
    public Response approval(@PathParam("code") String code, @QueryParam("lang") String lang,
            @CookieParam("lang") String cookie) {
        if (!code.matches(CODE)) {
            return render("verify", lang, cookie, Map.of("code", "", "invalid", true));
        }
        return render("approval", lang, cookie, Map.of("code", code, "verifyUrl", verifyUrl(code)));
    }

    @GET
    @Path("positive-list")
    @Operation(hidden = true)
    public Response positiveList(@QueryParam("lang") String lang, @CookieParam("lang") String cookie) {
        return render("positive-list", lang, cookie, Map.of());
    }

    @GET
    @Path("complaint")
    @Operation(hidden = true)
    public Uni<Response> complaint(@QueryParam("lang") String lang, @CookieParam("lang") String cookie) {
        ConsoleText.Lang l = ConsoleText.Lang.of(lang != null ? lang : cookie);
        return bodies.list().map(list -> render("complaint", lang, cookie, Map.of("bodies",
                list.stream().map(b -> Map.of("code", b.code(), "label", b.label(l))).toList())));
    }

    @GET
    @Path("complaint/follow-up")
    @Operation(hidden = true)
    public Response followUp(@QueryParam("receipt") String receipt, @QueryParam("lang") String lang,
            @CookieParam("lang") String cookie) {
        String r = receipt == null ? "" : receipt.trim();
        return render("follow-up", lang, cookie, Map.of("receipt", r.matches("[A-Z0-9-]{4,40}") ? r : ""));
    }

    @GET
    @Path("rehabilitations")
    @Operation(hidden = true)
    public Response rehabilitations(@QueryParam("lang") String lang, @CookieParam("lang") String cookie) {
        return render("rehabilitations", lang, cookie, Map.of());
    }

    @GET
    @Path("calendar")
    @Operation(hidden = true)
    public Response calendar(@QueryParam("lang") String lang, @CookieParam("lang") String cookie) {
        return render("calendar", lang, cookie, Map.of());
    }

    @GET
    @Path("burden")
    @Operation(hidden = true)
    public Response burden(@QueryParam("lang") String lang, @CookieParam("lang") String cookie) {
        return render("burden", lang, cookie, Map.of());
    }

    @GET
    @Path("plans")
    @Operation(hidden = true)
    public Response plans(@QueryParam("lang") String lang, @CookieParam("lang") String cookie) {
        return render("plans", lang, cookie, Map.of());
    }

    @GET
    @Path("findings")
    @Operation(hidden = true)
    public Response findings(@QueryParam("lang") String lang, @CookieParam("lang") String cookie) {
        return render("findings", lang, cookie, Map.of());
    }

    @GET
    @Path("decisions")
    @Operation(hidden = true)
    public Response decisions(@QueryParam("lang") String lang, @CookieParam("lang") String cookie) {
        return render("decisions", lang, cookie, Map.of());
    }

    /** The public address a QR code on an approval carries. */
    String verifyUrl(String code) {
        String base = config.publicUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/verify/" + code;
    }

    static String titleKey(Page page) {
        return "title_" + page.name().replace('-', '_');
    }

    private Response render(String template, String langParam, String cookie, Map<String, Object> extra) {
        ConsoleText.Lang lang = ConsoleText.Lang.of(langParam != null ? langParam : cookie);
        String pageName = "approval".equals(template) ? "verify" : template;
        Page page = PAGES.stream().filter(p -> p.name().equals(pageName)).findFirst().orElseThrow();
        Map<String, String> words = ConsoleText.words(lang);
        List<Map<String, Object>> nav = PAGES.stream().map(p -> Map.<String, Object>of("path", p.path(),
                "label", words.getOrDefault(titleKey(p), p.name()), "current", p == page, "signedIn", p.signedIn()))
                .toList();
        TemplateInstance view = engine.getTemplate("console/" + template).instance()
                .data("t", words)
                .data("title", words.getOrDefault(titleKey(page), page.name()))
                .data("nav", nav)
                .data("lang", lang.tag)
                .data("english", lang == ConsoleText.Lang.EN)
                .data("words", ConsoleText.scriptWords(lang))
                .data("page", page)
                .data("pages", PAGES)
                .data("realmUrl", config.realmUrl())
                .data("clientId", config.clientId());
        extra.forEach(view::data);
        Response.ResponseBuilder answer = Response.ok(view.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", lang.tag);
        if (langParam != null) {
            answer.cookie(new NewCookie.Builder("lang").value(lang == ConsoleText.Lang.EN ? "en" : "zh").path("/")
                    .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build());
        }
        return answer.build();
    }
}
