package cn.dcjk.common.data.audit;

import cn.dcjk.common.data.feed.ChangeFeed;
import cn.dcjk.common.request.RequestIds;
import cn.dcjk.common.security.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records every write as field-level changes, in the writer's transaction, so a write and its
 * trail land together or not at all. Snapshots are the objects' JSON views. Each write is also a
 * change of the {@link ChangeFeed}, in the same transaction.
 */
@ApplicationScoped
public class AuditTrail {

    /** Never copied into the trail. */
    private static final Set<String> IGNORED = Set.of("version");

    @Inject
    ObjectMapper json;
    @Inject
    Caller caller;
    @Inject
    ChangeFeed feed;

    /** The state of an object before a change, to pass to {@link #record} after it. */
    public Map<String, Object> snapshot(Object object) {
        Map<String, Object> flat = new LinkedHashMap<>();
        if (object != null) {
            flatten("", json.valueToTree(object), flat);
        }
        return flat;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String objectType, Object objectId, String action, Map<String, Object> before,
            Object after) {
        Map<String, Object> now = after instanceof Map<?, ?> m && m.keySet().stream().allMatch(String.class::isInstance)
                ? castMap(m) : snapshot(after);
        AuditEvent e = new AuditEvent();
        e.objectType = objectType;
        e.objectId = String.valueOf(objectId);
        e.action = action;
        e.actor = caller.anonymous() ? "anonymous" : caller.name();
        e.actorUnit = caller.anonymous() ? null : caller.unit().orElse(null);
        e.at = OffsetDateTime.now();
        e.requestId = RequestIds.current();
        e.changes = diff(before == null ? Map.of() : before, now);
        e.persist();
        feed.record(objectType, e.objectId, action, e.at, now.isEmpty() && before != null ? before : now);
        return e;
    }

    /** For actions that change no field of the object itself (a transition is recorded as its state change). */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent created(String objectType, Object objectId, Object created) {
        return record(objectType, objectId, "CREATE", Map.of(), created);
    }

    static List<AuditEvent.Change> diff(Map<String, Object> before, Map<String, Object> after) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        List<AuditEvent.Change> changes = new ArrayList<>();
        for (String f : fields) {
            Object b = before.get(f);
            Object a = after.get(f);
            if (b == null ? a != null : !b.equals(a)) {
                changes.add(new AuditEvent.Change(f, b, a));
            }
        }
        return changes;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> into) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> it = object.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                if (!IGNORED.contains(field.getKey())) {
                    flatten(name, field.getValue(), into);
                }
            }
        } else if (node.isNull() || node.isMissingNode()) {
            into.put(prefix, null);
        } else if (node.isValueNode()) {
            into.put(prefix, node.isNumber() ? node.numberValue() : node.isBoolean() ? node.booleanValue() : node.asText());
        } else {
            into.put(prefix, node.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }
}
