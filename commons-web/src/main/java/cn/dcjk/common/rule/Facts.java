package cn.dcjk.common.rule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The facts of a finding, in the order given; null values are left out. */
public final class Facts {

    private Facts() {
    }

    /** {@code Facts.of("unit", code, "count", 3)}: keys and values alternating. */
    public static Map<String, Object> of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("facts come in key, value pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                m.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
