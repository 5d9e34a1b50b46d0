package cn.srdi.app.calendar;

/**
 * Bad input to the calendar or the SLA arithmetic, with a message in Chinese and English that
 * names the place (the date, the event, the row). Pure Java: the web layer turns it into a 400
 * answer ({@code web.BilingualException}).
 */
public class CalendarException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String zh;
    private final String en;

    public CalendarException(String zh, String en) {
        super(zh + " / " + en);
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
