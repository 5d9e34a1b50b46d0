package cn.srdi.app.audit.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before and after of an audit event side by side: both JSON objects flattened to dotted paths,
 * one line per path present in either, marked when the value differs. A state that is not a JSON
 * object is shown as one line with path "".
 */
final class AuditDiff {

    /** One compared path; null means absent on that side. */
    record Line(String path, String before, String after) {

        public boolean changed() {
            return !Objects.equals(before, after);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_LINES = 200;

    private AuditDiff() {
    }

    static List<Line> of(String before, String after) {
        Map<String, String> b = flatten(before);
        Map<String, String> a = flatten(after);
        Set<String> paths = new LinkedHashSet<>(b.keySet());
        paths.addAll(a.keySet());
        List<Line> lines = new ArrayList<>();
        for (String p : paths) {
            if (lines.size() == MAX_LINES) {
                lines.add(new Line("…", "(" + (paths.size() - MAX_LINES) + ")", "(" + (paths.size() - MAX_LINES) + ")"));
                break;
            }
            lines.add(new Line(p, b.get(p), a.get(p)));
        }
        return lines;
    }

    static Map<String, String> flatten(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (RuntimeException notJson) {
            out.put("", json);
            return out;
        }
        flatten("", node, out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject() && !node.properties().isEmpty()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (node.isNull()) {
            out.put(prefix, "null");
        } else if (node.isValueNode()) {
            out.put(prefix, node.asString());
        } else {
            out.put(prefix, node.toString());
        }
    }
}
