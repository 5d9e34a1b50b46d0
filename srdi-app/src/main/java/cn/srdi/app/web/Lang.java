package cn.srdi.app.web;

import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/** The language of the current request: Chinese unless English was chosen. */
public final class Lang {

    private Lang() {
    }

    public static boolean zh() {
        Locale l = LocaleContextHolder.getLocale();
        return !"en".equals(l.getLanguage());
    }

    /** Picks the text of the current language. */
    public static String pick(String zh, String en) {
        return zh() ? zh : en;
    }
}
