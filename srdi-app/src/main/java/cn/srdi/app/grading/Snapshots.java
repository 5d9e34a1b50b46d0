package cn.srdi.app.grading;

import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.ProfileValues;

/**
 * Input snapshots written fast: the same JSON object as {@code ProfileJson.encodeAll} (every
 * present field in field order, {@code field id: canonical value}) built with a string builder
 * instead of a map and a JSON library, since a region run writes one per firm.
 */
final class Snapshots {

    private static final Field[] FIELDS = Field.values();

    private Snapshots() {
    }

    static String encode(Profile p) {
        StringBuilder sb = new StringBuilder(1536).append('{');
        boolean first = true;
        for (Field f : FIELDS) {
            if (!p.has(f)) {
                continue;
            }
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, f.id());
            sb.append(':');
            string(sb, ProfileValues.format(p, f));
        }
        return sb.append('}').toString();
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
