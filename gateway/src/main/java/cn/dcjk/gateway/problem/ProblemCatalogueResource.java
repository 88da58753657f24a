package cn.dcjk.gateway.problem;

import cn.dcjk.common.problem.ProblemCatalogue;
import cn.dcjk.common.problem.ProblemException;
import cn.dcjk.common.problem.ProblemTypes;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The problem catalogue, where every problem {@code type} of the suite resolves: a page (HTML for a
 * browser, JSON for a program) saying what the problem means and what to do. The types are
 * absolute URIs under {@code dcjk.problems.base-uri}, which points here.
 */
@Path("/problems")
@PermitAll
@Tag(name = "problems", description = "The catalogue of problem types: what each means and what to do")
public class ProblemCatalogueResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every problem type of the suite")
    @APIResponse(responseCode = "200", description = "The catalogue", content = @Content(mediaType = "application/json",
            schema = @Schema(type = SchemaType.ARRAY, implementation = ProblemType.class)))
    public List<ProblemType> list() {
        return ProblemCatalogue.all().stream().map(ProblemCatalogueResource::json).toList();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String index() {
        StringBuilder b = html("dcjk problem types · 问题类型");
        b.append("<h1>Problem types · 问题类型</h1><p>Every error of the dcjk API is an RFC 9457 problem "
                + "(<code>application/problem+json</code>) whose <code>type</code> is one of these URIs, under <code>")
                .append(esc(ProblemTypes.base())).append("</code>.</p><table><tr><th>type</th><th>status</th><th>title</th></tr>");
        for (ProblemCatalogue.Entry e : ProblemCatalogue.all()) {
            b.append("<tr><td><a href=\"").append(esc(e.slug())).append("\">").append(esc(e.slug()))
                    .append("</a></td><td>").append(e.status()).append("</td><td>").append(esc(e.titleEn()))
                    .append(" · ").append(esc(e.titleZh())).append("</td></tr>");
        }
        return b.append("</table></body></html>").toString();
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One problem type: what it means and what to do")
    @APIResponse(responseCode = "200", description = "The problem type", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ProblemType.class)))
    public ProblemType one(@PathParam("slug") String slug) {
        return json(find(slug));
    }

    @GET
    @Path("/{slug}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String page(@PathParam("slug") String slug) {
        ProblemCatalogue.Entry e = find(slug);
        StringBuilder b = html(e.titleEn() + " · " + e.titleZh());
        return b.append("<p><a href=\"./\">All problem types</a></p><h1>").append(esc(e.titleEn())).append(" · ")
                .append(esc(e.titleZh())).append("</h1><dl><dt>type</dt><dd><code>").append(esc(e.type()))
                .append("</code></dd><dt>HTTP status</dt><dd>").append(e.status())
                .append("</dd><dt>What it means</dt><dd>").append(esc(e.meaning()))
                .append("</dd><dt>What to do</dt><dd>").append(esc(e.action()))
                .append("</dd></dl><p>The problem body also carries <code>requestId</code> (quote it to the operators), "
                        + "and <code>errors</code> (the fields) or <code>findings</code> (the rules) where they apply.</p>"
                        + "</body></html>").toString();
    }

    private static ProblemCatalogue.Entry find(String slug) {
        return ProblemCatalogue.find(slug).orElseThrow(() -> new ProblemException(404, "not-found",
                new ProblemException.Text("资源不存在", "Not found"),
                new ProblemException.Text("没有这种问题类型：" + slug, "No problem type " + slug), null, null, null, null));
    }

    /** A problem type as a program reads it. */
    public record ProblemType(String type, String slug, int status, String title, String titleZh, String meaning,
            String action) {
    }

    static ProblemType json(ProblemCatalogue.Entry e) {
        return new ProblemType(e.type(), e.slug(), e.status(), e.titleEn(), e.titleZh(), e.meaning(), e.action());
    }

    private static StringBuilder html(String title) {
        return new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;"
                        + "margin:2rem auto;padding:0 1rem}td,th{text-align:left;padding:.2rem .8rem .2rem 0}"
                        + "dt{font-weight:bold;margin-top:.8rem}</style></head><body>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
