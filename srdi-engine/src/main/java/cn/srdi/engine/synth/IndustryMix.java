package cn.srdi.engine.synth;

import cn.srdi.engine.reference.IndustryCatalog;

/**
 * The GB/T 4754-2017 codes the generator draws for each focus industry, with their relative weights
 * and the name endings of firms in them. Every code is checked against {@link IndustryCatalog} when
 * the class loads.
 */
final class IndustryMix {

    /** One industry code of a focus industry. */
    record Entry(FocusIndustry industry, String code, double weight, String[] tails) {
    }

    private static final String[] TAIL_SUFFIXES = {"有限公司", "科技有限公司", "股份有限公司", "技术有限公司", "有限责任公司"};

    static final Entry[] ENTRIES = {
        // 新能源和智能网联汽车
        e(FocusIndustry.VEHICLES, "C3670", 0.48, "汽车零部件", "汽车部件", "精密部件", "汽车电子", "动力总成", "底盘系统",
                "热管理系统", "汽车传动", "新能源汽车配件"),
        e(FocusIndustry.VEHICLES, "C3612", 0.04, "新能源汽车", "新能源车辆", "智能汽车"),
        e(FocusIndustry.VEHICLES, "C3841", 0.12, "锂电", "新能源电池", "动力电池", "储能科技"),
        e(FocusIndustry.VEHICLES, "C3824", 0.10, "电驱动", "电力电子", "功率半导体"),
        e(FocusIndustry.VEHICLES, "C3919", 0.14, "智能网联", "车载电子", "汽车智能终端", "车联网"),
        e(FocusIndustry.VEHICLES, "C3660", 0.05, "专用车", "车身", "挂车"),
        e(FocusIndustry.VEHICLES, "C3891", 0.07, "汽车信号", "智能交通设备", "车载雷达"),
        // 高端装备
        e(FocusIndustry.EQUIPMENT, "C3491", 0.17, "机器人", "智能机器人", "工业机器人"),
        e(FocusIndustry.EQUIPMENT, "C3493", 0.06, "增材制造", "三维打印"),
        e(FocusIndustry.EQUIPMENT, "C3421", 0.10, "数控机床", "精密机床", "机床"),
        e(FocusIndustry.EQUIPMENT, "C3562", 0.08, "半导体装备", "电子装备"),
        e(FocusIndustry.EQUIPMENT, "C3311", 0.10, "钢结构", "金属结构", "重型结构"),
        e(FocusIndustry.EQUIPMENT, "C3484", 0.20, "精密机械", "机械", "精工", "传动机械"),
        e(FocusIndustry.EQUIPMENT, "C4011", 0.17, "自动化", "智能控制", "仪表", "工控"),
        e(FocusIndustry.EQUIPMENT, "C3441", 0.06, "泵业", "流体装备"),
        e(FocusIndustry.EQUIPMENT, "C3569", 0.06, "电子设备", "智能装备"),
        // 数字经济
        e(FocusIndustry.DIGITAL, "I6513", 0.32, "软件", "信息技术", "数字科技", "网络科技", "智慧城市"),
        e(FocusIndustry.DIGITAL, "I6520", 0.10, "微电子", "芯片", "集成电路", "半导体"),
        e(FocusIndustry.DIGITAL, "C3974", 0.06, "显示技术", "光电显示", "显示器件"),
        e(FocusIndustry.DIGITAL, "I6511", 0.05, "基础软件", "操作系统", "数据库"),
        e(FocusIndustry.DIGITAL, "I6531", 0.16, "信息系统", "数智", "系统集成"),
        e(FocusIndustry.DIGITAL, "I6450", 0.10, "大数据", "云计算", "数据科技"),
        e(FocusIndustry.DIGITAL, "C3976", 0.07, "光电子", "光电"),
        e(FocusIndustry.DIGITAL, "I6550", 0.08, "数据服务", "云服务", "算力"),
        e(FocusIndustry.DIGITAL, "C3985", 0.06, "电子材料", "半导体材料"),
        // 生物医药
        e(FocusIndustry.BIOMEDICINE, "C2710", 0.10, "医药化工", "原料药", "药业"),
        e(FocusIndustry.BIOMEDICINE, "C2720", 0.18, "制药", "药业", "医药"),
        e(FocusIndustry.BIOMEDICINE, "C2761", 0.16, "生物制药", "生物技术", "生物医药", "基因科技"),
        e(FocusIndustry.BIOMEDICINE, "C2740", 0.08, "中药", "中医药"),
        e(FocusIndustry.BIOMEDICINE, "C3581", 0.18, "医疗器械", "医疗设备", "医学影像"),
        e(FocusIndustry.BIOMEDICINE, "C3586", 0.10, "医疗器械", "生物材料", "植入器械"),
        e(FocusIndustry.BIOMEDICINE, "C2770", 0.08, "医用材料", "卫生材料"),
        e(FocusIndustry.BIOMEDICINE, "M7340", 0.12, "医学检验", "生物研究", "临床研究"),
    };

    private static final FocusIndustry[] INDUSTRIES = FocusIndustry.values();
    private static final double[][] CUMULATIVE = new double[FocusIndustry.values().length][];
    private static final Entry[][] BY_INDUSTRY = new Entry[FocusIndustry.values().length][];
    private static final double[] INDUSTRY_CUMULATIVE = new double[FocusIndustry.values().length];

    static {
        IndustryCatalog catalog = IndustryCatalog.standard();
        for (Entry en : ENTRIES) {
            IndustryCatalog.Resolution r = catalog.resolve(en.code());
            if (r.status() != IndustryCatalog.Status.KNOWN || !r.normalised().equals(en.code())) {
                throw new IllegalStateException("industry code " + en.code() + " is not a known GB/T 4754-2017 小类");
            }
        }
        double acc = 0;
        for (FocusIndustry fi : FocusIndustry.values()) {
            int n = 0;
            for (Entry en : ENTRIES) {
                if (en.industry() == fi) {
                    n++;
                }
            }
            Entry[] list = new Entry[n];
            double[] cum = new double[n];
            double total = 0;
            int k = 0;
            for (Entry en : ENTRIES) {
                if (en.industry() == fi) {
                    list[k] = en;
                    total += en.weight();
                    cum[k++] = total;
                }
            }
            for (int i = 0; i < n; i++) {
                cum[i] /= total;
            }
            BY_INDUSTRY[fi.ordinal()] = list;
            CUMULATIVE[fi.ordinal()] = cum;
            acc += fi.share();
            INDUSTRY_CUMULATIVE[fi.ordinal()] = acc;
        }
        for (int i = 0; i < INDUSTRY_CUMULATIVE.length; i++) {
            INDUSTRY_CUMULATIVE[i] /= acc;
        }
    }

    private IndustryMix() {
    }

    static FocusIndustry industry(double u) {
        FocusIndustry[] all = INDUSTRIES;
        for (int i = 0; i < all.length - 1; i++) {
            if (u < INDUSTRY_CUMULATIVE[i]) {
                return all[i];
            }
        }
        return all[all.length - 1];
    }

    static Entry code(FocusIndustry fi, double u) {
        double[] cum = CUMULATIVE[fi.ordinal()];
        Entry[] list = BY_INDUSTRY[fi.ordinal()];
        for (int i = 0; i < list.length - 1; i++) {
            if (u < cum[i]) {
                return list[i];
            }
        }
        return list[list.length - 1];
    }

    static String suffix(int i) {
        return TAIL_SUFFIXES[i];
    }

    static int suffixCount() {
        return TAIL_SUFFIXES.length;
    }

    private static Entry e(FocusIndustry fi, String code, double weight, String... tails) {
        return new Entry(fi, code, weight, tails);
    }
}
