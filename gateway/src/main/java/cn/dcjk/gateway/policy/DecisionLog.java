package cn.dcjk.gateway.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Every policy decision, allow and deny, as a structured log line. */
@ApplicationScoped
public class DecisionLog {

    private static final Logger LOG = Logger.getLogger("cn.dcjk.gateway.decisions");

    @Inject
    ObjectMapper json;

    public void record(Decision d) {
        try {
            LOG.info(json.writeValueAsString(d));
        } catch (JsonProcessingException e) {
            LOG.info(d.toString());
        }
    }
}
