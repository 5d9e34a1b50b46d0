package cn.srdi.engine.model;

import java.util.Locale;

/** A rung of the cultivation ladder, plus the separate manufacturing single champion. */
public enum Tier {
    INNOVATIVE("创新型中小企业", "innovative SME"),
    TECH_INNOVATIVE("科技和创新型中小企业", "technology and innovation SME"),
    SRDI("专精特新中小企业", "SRDI SME"),
    LITTLE_GIANT("专精特新\"小巨人\"企业", "SRDI little giant"),
    CHAMPION("制造业单项冠军企业", "manufacturing single champion");

    private final String zh;
    private final String en;

    Tier(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** Parses a tier id or a common Chinese name; returns null when unknown. */
    public static Tier parse(String text) {
        String t = text.trim();
        for (Tier tier : values()) {
            if (tier.name().equalsIgnoreCase(t) || tier.zh.equals(t)) {
                return tier;
            }
        }
        return switch (t.toUpperCase(Locale.ROOT)) {
            case "创新型", "创新型中小企业" -> INNOVATIVE;
            case "科技型", "科技和创新型", "科技型中小企业" -> TECH_INNOVATIVE;
            case "专精特新", "专精特新企业" -> SRDI;
            case "小巨人", "专精特新小巨人", "专精特新“小巨人”企业", "专精特新“小巨人”" -> LITTLE_GIANT;
            case "单项冠军", "制造业单项冠军" -> CHAMPION;
            default -> null;
        };
    }
}
