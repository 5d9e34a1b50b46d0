package cn.srdi.app.servicedesk;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Suggests a category for a request from its text: the text is segmented with HanLP (portable,
 * dictionaries inside the jar, nothing fetched at run time), and each segmented word that is a
 * keyword of a category adds the keyword's weight to that category. The heaviest category wins;
 * no keyword means {@link Category#OTHER}. Keywords are whole words of the segmentation, so
 * "人才公寓" (a premises word) does not count as "人才" (talent). The keywords are data, the
 * class-path resource {@value #RESOURCE}, and are added to HanLP's custom dictionary so the
 * segmenter keeps them whole; the same file names the few places where HanLP's own dictionary
 * cuts a request wrongly (申请人|才补贴 → 申请|人才补贴).
 */
@Component
public class CategorySuggester {

    /** Keyword → (category, weight). */
    static final Map<String, Object[]> KEYWORDS = new LinkedHashMap<>();

    private static void words(Category c, int weight, String... ws) {
        for (String w : ws) {
            KEYWORDS.put(w, new Object[] {c, weight});
        }
    }

    /** Character sequences the segmenter would cut wrongly → the same with a space at the right cut. */
    static final Map<String, String> SPLITS = new LinkedHashMap<>();

    /** Where the keywords are (a class-path resource). */
    static final String RESOURCE = "/servicedesk/category-keywords.txt";

    static {
        try (java.io.InputStream in = CategorySuggester.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + RESOURCE);
            }
            int n = 0;
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                n++;
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split("\\s+");
                if (f[0].equals("SPLIT")) {
                    for (int i = 1; i < f.length; i++) {
                        if (f[i].indexOf('|') <= 0 || f[i].indexOf('|') == f[i].length() - 1) {
                            throw new IllegalStateException(RESOURCE + " line " + n + ": a split is written 前|后, got: " + f[i]);
                        }
                        SPLITS.put(f[i].replace("|", ""), f[i].replace('|', ' '));
                    }
                    continue;
                }
                if (f.length < 3) {
                    throw new IllegalStateException(RESOURCE + " line " + n + ": expected CATEGORY weight word..., got: " + l);
                }
                Category c = Category.valueOf(f[0]);
                int weight = Integer.parseInt(f[1]);
                for (int i = 2; i < f.length; i++) {
                    if (KEYWORDS.containsKey(f[i])) {
                        throw new IllegalStateException(RESOURCE + " line " + n + ": " + f[i] + " is listed twice");
                    }
                    words(c, weight, f[i]);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String w : KEYWORDS.keySet()) {
            CustomDictionary.add(w);
        }
    }

    /** A suggestion with the keywords it rests on. */
    public record Suggestion(Category category, Map<Category, Integer> scores, List<String> keywords) {
    }

    /**
     * Configured once here, then only used to segment: HanLP's segmenters keep the state of an
     * analysis on the call's stack, so one instance serves concurrent requests without a lock.
     */
    private final Segment segment = HanLP.newSegment().enableCustomDictionary(true)
            .enableNameRecognize(false).enablePlaceRecognize(false).enableOrganizationRecognize(false);

    public CategorySuggester() {
        segment.seg("企业融资需求预热"); // loads HanLP's core dictionaries now rather than in the first request
    }

    /** The words of the text as the segmenter cuts them. */
    public List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String t = text;
        for (Map.Entry<String, String> e : SPLITS.entrySet()) {
            t = t.replace(e.getKey(), e.getValue());
        }
        List<Term> terms = segment.seg(t);
        return terms.stream().map(x -> x.word).filter(w -> !w.isBlank()).toList();
    }

    public Suggestion suggest(String text) {
        Map<Category, Integer> scores = new EnumMap<>(Category.class);
        List<String> hits = new java.util.ArrayList<>();
        for (String w : words(text)) {
            Object[] k = KEYWORDS.get(w);
            if (k != null) {
                scores.merge((Category) k[0], (Integer) k[1], Integer::sum);
                hits.add(w);
            }
        }
        Category best = Category.OTHER;
        int top = 0;
        for (Category c : Category.values()) { // ties go to the earlier category of the enum
            int s = scores.getOrDefault(c, 0);
            if (s > top) {
                top = s;
                best = c;
            }
        }
        return new Suggestion(best, scores, hits);
    }
}
