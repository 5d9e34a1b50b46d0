package cn.srdi.engine.synth;

/**
 * The four focus industries of the 两江新区 SRDI parks, with the parameters the generator uses to
 * shape a firm of that industry (medians of log-normal distributions).
 */
public enum FocusIndustry {
    /** 新能源和智能网联汽车. */
    VEHICLES("新能源和智能网联汽车", 0.30, 3600, 0.018, 85, 1.0),
    /** 高端装备. */
    EQUIPMENT("高端装备", 0.29, 3000, 0.021, 70, 1.0),
    /** 数字经济. */
    DIGITAL("数字经济", 0.26, 2200, 0.034, 38, 2.5),
    /** 生物医药. */
    BIOMEDICINE("生物医药", 0.15, 2800, 0.031, 60, 0.8);

    private final String zh;
    private final double share;
    private final double revenueMedian;
    private final double rdRatioMedian;
    private final double revenuePerEmployee;
    private final double ip2Factor;

    FocusIndustry(String zh, double share, double revenueMedian, double rdRatioMedian, double revenuePerEmployee,
            double ip2Factor) {
        this.zh = zh;
        this.share = share;
        this.revenueMedian = revenueMedian;
        this.rdRatioMedian = rdRatioMedian;
        this.revenuePerEmployee = revenuePerEmployee;
        this.ip2Factor = ip2Factor;
    }

    public String zh() {
        return zh;
    }

    /** Share of the district's firms in this industry. */
    public double share() {
        return share;
    }

    /** Median revenue_y1 in 万元. */
    public double revenueMedian() {
        return revenueMedian;
    }

    /** Median R&D expense / revenue (a fraction, 0.04 = 4%). */
    public double rdRatioMedian() {
        return rdRatioMedian;
    }

    /** Median revenue per employee in 万元. */
    public double revenuePerEmployee() {
        return revenuePerEmployee;
    }

    /** Multiplier of the Ⅱ类 IP count (software copyrights dominate in the digital economy). */
    public double ip2Factor() {
        return ip2Factor;
    }
}
