package cn.srdi.app.web;

import org.springframework.http.HttpStatus;

/** A user-facing error with a message in Chinese and English and the HTTP status to answer with. */
public class BilingualException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String zh;
    private final String en;

    public BilingualException(HttpStatus status, String zh, String en) {
        super(zh + " / " + en);
        this.status = status;
        this.zh = zh;
        this.en = en;
    }

    public static BilingualException notFound(String zh, String en) {
        return new BilingualException(HttpStatus.NOT_FOUND, zh, en);
    }

    public static BilingualException badRequest(String zh, String en) {
        return new BilingualException(HttpStatus.BAD_REQUEST, zh, en);
    }

    public HttpStatus status() {
        return status;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
