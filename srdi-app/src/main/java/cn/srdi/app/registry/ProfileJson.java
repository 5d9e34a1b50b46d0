package cn.srdi.app.registry;

import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.model.ProfileValues;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Profiles as JSON objects {GRADING.md §8 field id: canonical value}: the storage format of
 * yearly indicators ({@link #YEARLY} fields) and of grade input snapshots (all fields).
 * Values are the engine's canonical text, so decoding never loses or reinterprets anything.
 */
public final class ProfileJson {

    /** Fields that belong to the firm or to one assessment, not to a fiscal year. */
    public static final Set<Field> NOT_YEARLY = EnumSet.of(Field.CREDIT_CODE, Field.NAME, Field.INDUSTRY_CODE,
            Field.REGION_CODE, Field.ASSESSMENT_DATE, Field.APPLICATION_TYPE, Field.TITLES);

    /** Fields stored per fiscal year. */
    public static final Set<Field> YEARLY = EnumSet.complementOf(EnumSet.copyOf(NOT_YEARLY));

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProfileJson() {
    }

    /** The given fields of a profile that are present, in field order. */
    public static Map<String, String> values(Profile p, Set<Field> fields) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            if (fields.contains(f) && p.has(f)) {
                m.put(f.id(), ProfileValues.format(p, f));
            }
        }
        return m;
    }

    public static String encode(Profile p, Set<Field> fields) {
        return write(values(p, fields));
    }

    /** A map of field id to canonical value (as {@link #values} or {@link #toMap} give) as a JSON object. */
    public static String write(Map<String, String> values) {
        return JSON.writeValueAsString(values);
    }

    /** Every present field: an input snapshot. */
    public static String encodeAll(Profile p) {
        return encode(p, EnumSet.allOf(Field.class));
    }

    /** Parses a JSON object of canonical values into the profile; unknown keys are an error. */
    public static Profile decodeInto(Profile p, String json) {
        JsonNode node = JSON.readTree(json);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            Field f = Field.byHeader(e.getKey());
            if (f == null) {
                throw new IllegalStateException("unknown field in stored profile: " + e.getKey());
            }
            var problem = ProfileValues.parseInto(p, f, e.getValue().asString());
            if (problem != null && !problem.warning()) {
                throw new IllegalStateException("stored value of " + f.id() + " does not parse: " + problem.en());
            }
        }
        return p;
    }

    public static Profile decode(String json) {
        return decodeInto(new Profile(), json);
    }

    /**
     * Parses a stored JSON object into a map of field id to value. Streams the tokens (a region
     * grade parses one object per firm-year, about 300,000 for 100,000 firms); anything but a flat
     * object of strings, which the platform never writes, goes through the tree model.
     */
    public static Map<String, String> toMap(String json) {
        Map<String, String> m = new LinkedHashMap<>(64);
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return toMapByTree(json);
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v != JsonToken.VALUE_STRING) {
                    return toMapByTree(json);
                }
                m.put(name, p.getString());
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return toMapByTree(json);
            }
        }
        return m;
    }

    /** {@link #toMap} through the tree model: the reference behaviour, also for unusual input. */
    static Map<String, String> toMapByTree(String json) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : JSON.readTree(json).properties()) {
            m.put(e.getKey(), e.getValue().asString());
        }
        return m;
    }
}
