package cn.srdi.engine.grading;

import cn.srdi.engine.rules.RuleFileException;
import cn.srdi.engine.rules.RuleParams;
import cn.srdi.engine.rules.SizeRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule sets in force: the built-in files of the engine ({@code cn-2022}, {@code cn-2026},
 * {@code champion-2023}, {@code sme-size-2011}), plus provincial overlays and sandbox settings.
 * Immutable: every change returns a new catalog, validated in full.
 */
public final class RuleCatalog {
    /** Ids of the rule sets shipped in the engine, in load order. */
    public static final List<String> BUILT_IN = List.of("sme-size-2011", "cn-2022", "cn-2026", "champion-2023");

    private static volatile RuleCatalog builtIn;

    private final Map<String, RuleParams> params;
    private final Map<String, String> bases;
    private final Map<String, RuleSet> sets;
    /** base id → the id that stands for it under auto selection (itself, or its overlay). */
    private final Map<String, String> active;

    private RuleCatalog(Map<String, RuleParams> params, Map<String, String> bases, Map<String, String> active) {
        this.params = params;
        this.bases = bases;
        this.active = active;
        Map<String, RuleSet> built = new LinkedHashMap<>();
        for (Map.Entry<String, RuleParams> e : params.entrySet()) {
            built.put(e.getKey(), new RuleSet(e.getValue(), bases.get(e.getKey())));
        }
        this.sets = Collections.unmodifiableMap(built);
    }

    /** The built-in rule sets, loaded and validated once. */
    public static RuleCatalog builtIn() {
        RuleCatalog c = builtIn;
        if (c == null) {
            synchronized (RuleCatalog.class) {
                c = builtIn;
                if (c == null) {
                    Map<String, RuleParams> params = new LinkedHashMap<>();
                    Map<String, String> bases = new LinkedHashMap<>();
                    Map<String, String> active = new LinkedHashMap<>();
                    for (String id : BUILT_IN) {
                        String resource = "/cn/srdi/engine/rules/" + id + ".rules";
                        try (InputStream in = RuleCatalog.class.getResourceAsStream(resource)) {
                            if (in == null) {
                                throw new RuleFileException(resource, 0, null, "引擎中缺少该规则文件", "rule file missing from the engine");
                            }
                            RuleParams p = RuleParams.parse(id + ".rules", new InputStreamReader(in, StandardCharsets.UTF_8));
                            if (!id.equals(p.has("id") ? p.get("id") : null)) {
                                throw new RuleFileException(id + ".rules", 0, "id", "id 应为 " + id, "id must be " + id);
                            }
                            params.put(id, p);
                            bases.put(id, id);
                            active.put(id, id);
                        } catch (IOException e) {
                            throw new RuleFileException(resource, 0, null, "无法读取: " + e.getMessage(), "cannot be read: " + e.getMessage());
                        }
                    }
                    c = new RuleCatalog(params, bases, active);
                    builtIn = c;
                }
            }
        }
        return c;
    }

    /** Adds a provincial overlay file ({@code id}, {@code extends} and the keys it changes). */
    public RuleCatalog withOverlay(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return withOverlay(file.toString(), r);
        } catch (IOException e) {
            throw new RuleFileException(file.toString(), 0, null, "无法读取覆盖文件: " + e.getMessage(), "cannot read the overlay file: " + e.getMessage());
        }
    }

    public RuleCatalog withOverlay(String source, Reader reader) {
        RuleParams overlay = RuleParams.parse(source, reader);
        Map<String, String> keys = new LinkedHashMap<>(overlay.asMap());
        String id = keys.get("id");
        String base = keys.remove("extends");
        if (id == null || base == null) {
            throw new RuleFileException(source, 0, id == null ? "id" : "extends", "覆盖文件需要 id 和 extends 两个键",
                    "an overlay needs both id and extends");
        }
        if (!params.containsKey(base)) {
            throw new RuleFileException(source, 0, "extends", "没有名为 " + base + " 的规则集(可用: " + String.join(", ", params.keySet()) + ")",
                    "no rule set named " + base + " (known: " + String.join(", ", params.keySet()) + ")");
        }
        if (params.containsKey(id)) {
            throw new RuleFileException(source, 0, "id", "规则集 " + id + " 已存在", "rule set " + id + " already exists");
        }
        if (keys.containsKey("shape")) {
            throw new RuleFileException(source, 0, "shape", "覆盖文件不能改变规则形态", "an overlay cannot change the shape");
        }
        RuleParams merged = params.get(base).with(keys, source);
        Map<String, RuleParams> p = new LinkedHashMap<>(params);
        p.put(id, merged);
        Map<String, String> b = new LinkedHashMap<>(bases);
        b.put(id, bases.get(base));
        Map<String, String> a = new LinkedHashMap<>(active);
        a.put(bases.get(base), id);
        return new RuleCatalog(p, b, a);
    }

    /**
     * The policy sandbox: changes thresholds. A key is {@code KEY} (applied to every rule set that has
     * it, overlays included) or {@code ruleSetId:KEY}. Unknown keys are an error.
     */
    public RuleCatalog withSettings(Map<String, String> settings) {
        Map<String, Map<String, String>> perSet = new LinkedHashMap<>();
        for (Map.Entry<String, String> s : settings.entrySet()) {
            String key = s.getKey().strip();
            int colon = key.indexOf(':');
            List<String> targets = new ArrayList<>();
            if (colon > 0) {
                String set = key.substring(0, colon);
                key = key.substring(colon + 1);
                if (!params.containsKey(set)) {
                    throw new RuleFileException("--set", 0, s.getKey(), "没有名为 " + set + " 的规则集", "no rule set named " + set);
                }
                targets.add(set);
            } else {
                for (Map.Entry<String, RuleParams> e : params.entrySet()) {
                    if (e.getValue().has(key)) {
                        targets.add(e.getKey());
                    }
                }
            }
            if (targets.isEmpty() || !params.get(targets.get(0)).has(key)) {
                throw new RuleFileException("--set", 0, key, "没有任何规则集使用这个键", "no rule set has this key");
            }
            if (key.equals("id") || key.equals("shape")) {
                throw new RuleFileException("--set", 0, key, "不能修改", "cannot be changed");
            }
            for (String t : targets) {
                perSet.computeIfAbsent(t, k -> new LinkedHashMap<>()).put(key, s.getValue());
            }
        }
        Map<String, RuleParams> p = new LinkedHashMap<>(params);
        perSet.forEach((id, over) -> p.put(id, params.get(id).with(over, "--set")));
        return new RuleCatalog(p, bases, active);
    }

    public RuleSet get(String id) {
        return sets.get(id);
    }

    public Collection<RuleSet> all() {
        return sets.values();
    }

    /** The set that stands for a base id under auto selection (its overlay if one was added). */
    public RuleSet active(String baseId) {
        String id = active.get(baseId);
        return id == null ? null : sets.get(id);
    }

    /** The active ladder rule sets ordered by effective date (the first also covers earlier dates). */
    List<RuleSet> laddersByDate() {
        List<RuleSet> list = new ArrayList<>();
        for (String id : active.values()) {
            RuleSet s = sets.get(id);
            if (s.shape().ladder()) {
                list.add(s);
            }
        }
        list.sort(java.util.Comparator.comparing(RuleSet::effectiveFrom));
        return list;
    }

    RuleSet champion() {
        return firstActive(RuleSet.Shape.CHAMPION_2023);
    }

    SizeRules sizeRules() {
        return firstActive(RuleSet.Shape.SME_SIZE_2011).sizeRules();
    }

    private RuleSet firstActive(RuleSet.Shape shape) {
        for (String id : active.values()) {
            RuleSet s = sets.get(id);
            if (s.shape() == shape) {
                return s;
            }
        }
        throw new IllegalStateException("no active rule set of shape " + shape.id());
    }
}
