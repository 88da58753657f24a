package cn.dcjk.common.channel;

import java.util.List;

/**
 * Every write route of the suite with its {@link WriteChannel}: the one table the gateway's policy
 * and the services' convention test read. A write route that a service serves and this table does
 * not list fails that test; at the gateway it is {@link WriteChannel#UNCLASSIFIED}.
 */
public final class WriteRoutes {

    /** One route: method and path template ({@code {name}} matches one segment). */
    public record Route(String method, String template, WriteChannel channel) {
        boolean matches(String m, List<String> segments) {
            if (!method.equals(m)) {
                return false;
            }
            String[] parts = template.substring(1).split("/");
            if (parts.length != segments.size()) {
                return false;
            }
            for (int i = 0; i < parts.length; i++) {
                if (!(parts[i].startsWith("{") || parts[i].equals(segments.get(i)))) {
                    return false;
                }
            }
            return true;
        }
    }

    private static Route r(String spec, WriteChannel channel) {
        String[] parts = spec.split(" ", 2);
        return new Route(parts[0], parts[1], channel);
    }

    public static final List<Route> ROUTES = List.of(
            // accountability-service: the article-27 channel itself
            r("POST /api/v1/accountability/referrals", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/accountability/referrals/checks", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/accountability/referrals/{id}/transfer", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/accountability/referrals/{id}/close", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/accountability/cases", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/accountability/cases/{id}/investigation", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/accountability/cases/{id}/hearing", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/accountability/cases/{id}/decision", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/accountability/cases/{id}/notification", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/accountability/cases/{id}/closure", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/accountability/cases/{id}/appeal", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/accountability/cases/{id}/review", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/complaints", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/complaints/{id}/verification", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/complaints/{id}/outcome", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/backtracing", WriteChannel.ACCOUNTABILITY),
            r("POST /api/v1/backtracing/{id}/conclusion", WriteChannel.ACCOUNTABILITY),
            // inspections-service
            r("POST /api/v1/findings/{id}/feedback", WriteChannel.FEEDBACK),
            r("POST /api/v1/findings/{id}/answer", WriteChannel.FEEDBACK),
            r("POST /api/v1/findings/{id}/rectifications", WriteChannel.FEEDBACK),
            r("POST /api/v1/findings/{id}/verification", WriteChannel.FEEDBACK),
            r("POST /api/v1/inspections/{id}/results", WriteChannel.FEEDBACK),
            r("POST /api/v1/inspections", WriteChannel.FIELD_WORK),
            r("POST /api/v1/inspections/{id}/sample", WriteChannel.FIELD_WORK),
            r("POST /api/v1/inspections/{id}/itinerary", WriteChannel.FIELD_WORK),
            r("POST /api/v1/inspections/{id}/visits", WriteChannel.FIELD_WORK),
            r("PUT /api/v1/inspections/{id}/visits/{visitId}", WriteChannel.FIELD_WORK),
            r("POST /api/v1/inspections/{id}/visits/{visitId}/ratings", WriteChannel.FIELD_WORK),
            r("POST /api/v1/inspections/{id}/close", WriteChannel.FIELD_WORK),
            r("POST /api/v1/assessment-schemes", WriteChannel.FIELD_WORK),
            r("POST /api/v1/assessment-schemes/checks", WriteChannel.FIELD_WORK),
            r("POST /api/v1/assessment-schemes/{id}/scores", WriteChannel.FIELD_WORK),
            r("POST /api/v1/commendations", WriteChannel.FIELD_WORK),
            // plans-service
            r("POST /api/v1/plans", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/plans/checks", WriteChannel.ADMINISTRATION),
            r("PUT /api/v1/plans/{id}", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/plans/{id}/items", WriteChannel.ADMINISTRATION),
            r("PUT /api/v1/plans/{id}/items/{itemId}", WriteChannel.ADMINISTRATION),
            r("DELETE /api/v1/plans/{id}/items/{itemId}", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/plans/{id}/submit", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/plans/{id}/review", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/plans/{id}/forward", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/plans/{id}/approve", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/plans/{id}/request-changes", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/plans/{id}/reject", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/plans/{id}/issue", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/plans/{id}/convert", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/units", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/units/import", WriteChannel.ADMINISTRATION),
            r("PUT /api/v1/units/{code}", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/units/{code}/retire", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/exemptions", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/mandates", WriteChannel.ADMINISTRATION),
            // webhook subscriptions of provincial systems, in each service (no message reaches a unit)
            r("POST /api/v1/webhooks/{service}/subscriptions", WriteChannel.ADMINISTRATION),
            r("DELETE /api/v1/webhooks/{service}/subscriptions/{id}", WriteChannel.ADMINISTRATION),
            r("POST /api/v1/webhooks/{service}/subscriptions/{id}/deliveries/{deliveryId}/replay",
                    WriteChannel.ADMINISTRATION),
            r("POST /api/v1/no-meeting-months", WriteChannel.ADMINISTRATION),
            r("DELETE /api/v1/no-meeting-months/{id}", WriteChannel.ADMINISTRATION),
            r("PUT /api/v1/statistics/baselines/{organiser}/{year}", WriteChannel.ADMINISTRATION));

    private WriteRoutes() {
    }

    /** The channel of a write, by method and decoded canonical segments. */
    public static WriteChannel classify(String method, List<String> segments) {
        for (Route route : ROUTES) {
            if (route.matches(method, segments)) {
                return route.channel();
            }
        }
        return WriteChannel.UNCLASSIFIED;
    }

    /** Whether a route template (as a service's OpenAPI names it) is in the table. */
    public static boolean listed(String method, String template) {
        List<String> segments = List.of(template.replaceAll("\\{[^}]+}", "{}").substring(1).split("/"));
        return ROUTES.stream().anyMatch(r -> r.matches(method, segments)
                && covers(r.template(), segments));
    }

    /** A template's placeholder in the service's path must meet a placeholder in the table, not a literal. */
    private static boolean covers(String tableTemplate, List<String> segments) {
        String[] parts = tableTemplate.substring(1).split("/");
        for (int i = 0; i < parts.length; i++) {
            if (segments.get(i).equals("{}") && !parts[i].startsWith("{")) {
                return false;
            }
        }
        return true;
    }
}
