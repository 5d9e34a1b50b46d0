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
 * "人才公寓" (a premises word) does not count as "人才" (talent). The keywords are added to HanLP's
 * custom dictionary so the segmenter keeps them whole.
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

    static {
        words(Category.FINANCE, 3, "融资", "贷款", "信贷", "授信", "担保", "贴息", "上市", "股权融资", "债券", "资金", "风投", "投资",
                "银行", "利率", "保险", "抵押", "质押", "知识产权质押", "应收账款", "资金链", "流动资金", "基金", "资本", "挂牌");
        words(Category.TALENT, 3, "人才", "招聘", "招工", "用工", "引才", "博士", "硕士", "工程师", "技术工人", "社保", "落户",
                "培训", "职称", "员工", "人力资源", "高校毕业生", "实习", "技能");
        words(Category.LAND, 3, "用地", "厂房", "土地", "租金", "办公室", "场地", "仓库", "租赁", "标准厂房", "园区", "扩建",
                "产权证", "不动产", "人才公寓", "宿舍", "水电", "用电", "电力", "物业", "停车", "装修");
        words(Category.TECHNOLOGY, 3, "研发", "专利", "技术", "知识产权", "实验室", "检测", "认证", "成果转化", "科技", "创新",
                "产学研", "高新技术", "数字化", "智能化", "改造", "软件", "算法", "芯片", "标准", "中试");
        words(Category.MARKET, 3, "市场", "订单", "客户", "销售", "展会", "出口", "外贸", "采购", "供应链", "配套", "推广",
                "品牌", "渠道", "招标", "投标", "合作伙伴", "对接", "跨境", "电商");
        words(Category.POLICY, 3, "政策", "补贴", "奖励", "申报", "专精特新", "小巨人", "资质", "认定", "兑现", "减税", "税收",
                "优惠", "扶持", "奖补", "咨询", "解读", "条件", "梯度培育");
        words(Category.PERMITS, 3, "审批", "许可", "办证", "执照", "营业执照", "环评", "消防", "验收", "备案", "报建", "施工许可",
                "排污", "安评", "能评", "规划许可", "证照", "年检");
        // weaker words: common in several kinds of request, they only tip a balance
        words(Category.TECHNOLOGY, 1, "设备", "系统", "平台");
        words(Category.POLICY, 1, "政府", "文件", "通知");
        words(Category.PERMITS, 1, "手续", "办理", "材料");
        words(Category.MARKET, 1, "产品", "合同");
        words(Category.FINANCE, 1, "钱", "资金缺口", "还款");
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
        List<Term> terms = segment.seg(text);
        return terms.stream().map(t -> t.word).toList();
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
