package cn.srdi.app.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Keyword rules over HanLP's segmentation (dictionaries inside the jar: nothing is fetched). */
class CategorySuggesterTest {

    final CategorySuggester s = new CategorySuggester();

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
    }

    @Test
    void theHeaviestCategoryWinsAndTheScoresAreReported() {
        CategorySuggester.Suggestion x = s.suggest("申请贷款用于购买研发设备，还需要担保和贴息");
        assertThat(x.scores().get(Category.FINANCE)).isGreaterThan(x.scores().getOrDefault(Category.TECHNOLOGY, 0));
        assertThat(x.category()).isEqualTo(Category.FINANCE);
        assertThat(x.keywords()).contains("贷款", "担保", "贴息");
    }
}
