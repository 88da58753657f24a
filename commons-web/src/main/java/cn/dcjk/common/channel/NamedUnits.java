package cn.dcjk.common.channel;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a write's JSON body names and says, read once for the channel rule: every unit it names —
 * in any field whose name ends in {@code unitCode}/{@code unitCodes}, at any depth, and any string
 * shaped like a unit code wherever it stands — and whether any of its texts speak of accountability.
 * A unit field that is not a string (or an array of strings) is ambiguous and refused.
 */
public final class NamedUnits {

    /** A unit code of the directory: a six-digit region and at least one suffix. */
    public static final Pattern UNIT_CODE = Pattern.compile("[0-9]{6}(-[A-Z0-9]{1,12}){1,4}");

    /** A unit named by the body, and whether it names a leadership member of it. */
    public record Named(String unitCode, boolean leadershipMember) {
    }

    public record Reading(List<Named> units, boolean textsSpeakOfAccountability, String kind) {
    }

    private NamedUnits() {
    }

    public static Reading read(JsonNode root) {
        Map<String, Named> units = new LinkedHashMap<>();
        boolean[] words = {false};
        walk(root, null, false, units, words);
        JsonNode kind = root == null ? null : root.get("kind");
        return new Reading(new ArrayList<>(units.values()), words[0],
                kind != null && kind.isTextual() ? kind.textValue() : null);
    }

    private static void walk(JsonNode n, String field, boolean leader, Map<String, Named> units, boolean[] words) {
        if (n == null || n.isNull()) {
            return;
        }
        boolean unitField = field != null && (field.toLowerCase().endsWith("unitcode")
                || field.toLowerCase().endsWith("unitcodes"));
        if (n.isObject()) {
            if (unitField) {
                throw new IllegalArgumentException(field);
            }
            JsonNode l = n.get("leadershipMember");
            boolean leadership = l != null && l.isBoolean() && l.booleanValue();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), e.getKey(), leadership, units, words);
            }
        } else if (n.isArray()) {
            for (JsonNode item : n) {
                if (unitField && !item.isTextual()) {
                    throw new IllegalArgumentException(field);
                }
                walk(item, unitField ? field : null, leader, units, words);
            }
        } else if (n.isTextual()) {
            String s = n.textValue().trim();
            if (unitField || UNIT_CODE.matcher(s).matches()) {
                if (s.isEmpty()) {
                    return;
                }
                units.merge(s, new Named(s, leader), (a, b) -> new Named(s, a.leadershipMember() || b.leadershipMember()));
            } else if (AccountabilityWords.mentioned(s)) {
                words[0] = true;
            }
        } else if (unitField) {
            throw new IllegalArgumentException(field);
        }
    }
}
