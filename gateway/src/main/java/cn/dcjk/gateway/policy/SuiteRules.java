package cn.dcjk.gateway.policy;

import cn.dcjk.common.rule.RuleBook;
import cn.dcjk.common.rule.RuleDescriptor;
import cn.dcjk.gateway.proxy.Gateway;
import cn.dcjk.gateway.route.UpstreamClient;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * GET /api/v1/rules at the gateway: the gateway's own rule and every service's list, asked with
 * the caller's token. A service that cannot answer is left out and named in the log.
 */
@ApplicationScoped
public class SuiteRules implements RuleBook {

    private static final Logger LOG = Logger.getLogger(SuiteRules.class);

    @Inject
    Gateway gateway;
    @Inject
    HttpServerRequest request;

    @Override
    public String service() {
        return "gateway";
    }

    @Override
    public List<RuleDescriptor> rules() {
        List<RuleDescriptor> all = new ArrayList<>();
        all.add(ChannelPolicy.RULE.inService("gateway"));
        String auth = request.getHeader("Authorization");
        List<Future<JsonArray>> lists = new ArrayList<>();
        for (UpstreamClient u : gateway.upstreams()) {
            RequestOptions o = new RequestOptions().setMethod(HttpMethod.GET).setHost(u.host).setPort(u.port)
                    .setURI("/api/v1/rules").setIdleTimeout(5000);
            if (auth != null) {
                o.putHeader("Authorization", auth);
            }
            lists.add(u.client.request(o).compose(r -> r.send())
                    .compose(r -> r.body().map(b -> r.statusCode() == 200 ? b.toJsonArray() : new JsonArray())));
        }
        for (int i = 0; i < lists.size(); i++) {
            try {
                JsonArray rules = lists.get(i).toCompletionStage().toCompletableFuture().get(6, TimeUnit.SECONDS);
                for (Object o : rules) {
                    JsonObject r = (JsonObject) o;
                    all.add(new RuleDescriptor(r.getString("name"),
                            r.getJsonArray("articles", new JsonArray()).stream().map(a -> ((Number) a).intValue()).toList(),
                            r.getString("severity"), r.getString("titleZh"), r.getString("titleEn"),
                            r.getJsonObject("parameters", new JsonObject()).getMap(),
                            r.getString("service", gateway.upstreams().get(i).name)));
                }
            } catch (Exception e) {
                LOG.warnf("Rules of %s unavailable: %s", gateway.upstreams().get(i).name, e.toString());
            }
        }
        return all;
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
