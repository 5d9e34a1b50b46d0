package cn.srdi.app.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keyword rules (resource servicedesk/category-keywords.txt) over HanLP's segmentation (dictionaries inside the jar: nothing is fetched). */
class CategorySuggesterTest {

    final CategorySuggester s = new CategorySuggester();

    /** One realistic request text and the category a person would file it under. */
    record Case(Category expected, String text) {

        @Override
        public String toString() {
            return expected + ": " + text;
        }
    }

    /** The table: test resource servicedesk/category-requests.tsv, about 30 requests per category. */
    static List<Case> requests() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = CategorySuggesterTest.class.getResourceAsStream("/servicedesk/category-requests.tsv")) {
            assertThat(in).as("test resource servicedesk/category-requests.tsv").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 2);
                cases.add(new Case(Category.valueOf(f[0].strip()), f[1].strip()));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void realisticRequestsGetTheirCategory(Case c) {
        CategorySuggester.Suggestion x = s.suggest(c.text());
        assertThat(x.category()).as("%s → words %s, scores %s", c.text(), s.words(c.text()), x.scores()).isEqualTo(c.expected());
    }

    @Test
    void theTableCoversEveryCategoryWithAboutThirtyRequests() throws IOException {
        Map<Category, Integer> n = new EnumMap<>(Category.class);
        for (Case c : requests()) {
            n.merge(c.expected(), 1, Integer::sum);
        }
        for (Category c : Category.values()) {
            assertThat(n.getOrDefault(c, 0)).as(c.name()).isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void anApplicationForATalentSubsidyIsTalentNotAnApplicantAndAPolicy() {
        // HanLP's dictionary has 申请人 (applicant): without the split of the keyword list, 申请人|才|补贴 was POLICY
        assertThat(s.words("申请人才补贴")).containsExactly("申请", "人才补贴");
        assertThat(s.suggest("申请人才补贴").category()).isEqualTo(Category.TALENT);
        assertThat(s.suggest("申领人才补贴需要哪些材料").category()).isEqualTo(Category.TALENT);
    }

    @Test
    void typicalRequestsGetTheirCategory() {
        assertThat(s.suggest("公司流动资金紧张，希望对接银行办理信用贷款").category()).isEqualTo(Category.FINANCE);
        assertThat(s.suggest("新产线需要招聘技术工人和高级工程师").category()).isEqualTo(Category.TALENT);
        assertThat(s.suggest("计划扩建，需要工业用地或标准厂房").category()).isEqualTo(Category.LAND);
        assertThat(s.suggest("希望与高校共建实验室开展研发和成果转化").category()).isEqualTo(Category.TECHNOLOGY);
        assertThat(s.suggest("想参加国际展会拓展海外市场和外贸订单").category()).isEqualTo(Category.MARKET);
        assertThat(s.suggest("请解读专精特新的认定条件和申报材料").category()).isEqualTo(Category.POLICY);
        assertThat(s.suggest("新建生产线需要办理环评审批和排污许可").category()).isEqualTo(Category.PERMITS);
    }

    @Test
    void concurrentRequestsShareOneSegmenterWithoutALockAndGetWhatOneAtATimeGets() throws Exception {
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (String[] t : DemoServiceDesk.TEXTS) {
            texts.add(t[1] + "\n" + t[2]);
        }
        java.util.Map<String, java.util.List<String>> alone = new java.util.HashMap<>();
        for (String t : texts) {
            alone.put(t, s.words(t));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int k = 0; k < 8; k++) {
                int offset = k;
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 400; i++) {
                        String t = texts.get((i + offset) % texts.size());
                        if (!s.words(t).equals(alone.get(t))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (java.util.concurrent.Future<Boolean> r : runs) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void textWithoutAnyKeywordIsOther() {
        assertThat(s.suggest("建议增加公交班次").category()).isEqualTo(Category.OTHER);
        assertThat(s.suggest("").category()).isEqualTo(Category.OTHER);
        assertThat(s.suggest(null).category()).isEqualTo(Category.OTHER);
    }

    @Test
    void keywordsCountAsWholeSegmentedWordsNotAsSubstrings() {
        // 人才公寓 is premises; its characters contain 人才 (talent), which must not count
        CategorySuggester.Suggestion x = s.suggest("能否提供人才公寓");
        assertThat(x.keywords()).contains("人才公寓").doesNotContain("人才");
        assertThat(x.category()).isEqualTo(Category.LAND);
        assertThat(s.words("我们想要人才公寓")).contains("人才公寓");
        assertThat(s.suggest("希望申请人才公寓").category()).isEqualTo(Category.LAND);
    }

    @Test
    void theHeaviestCategoryWinsAndTheScoresAreReported() {
        CategorySuggester.Suggestion x = s.suggest("申请贷款用于购买研发设备，还需要担保和贴息");
        assertThat(x.scores().get(Category.FINANCE)).isGreaterThan(x.scores().getOrDefault(Category.TECHNOLOGY, 0));
        assertThat(x.category()).isEqualTo(Category.FINANCE);
        assertThat(x.keywords()).contains("贷款", "担保", "贴息");
    }

    @Test
    void theKeywordListIsData() {
        // every category but OTHER has keywords in the resource, and they are whole words of the segmentation
        for (Category c : Category.values()) {
            if (c != Category.OTHER) {
                assertThat(CategorySuggester.KEYWORDS.values()).as(c.name()).anyMatch(k -> k[0] == c);
            }
        }
        assertThat(s.words("希望对接供应链金融服务")).contains("供应链金融");
    }
}
