package cn.srdi.engine.io;

/**
 * The file as a whole cannot be read (missing, unreadable, wrong encoding, bad or missing header):
 * nothing in it is graded. The message is bilingual and names the file and the place.
 */
public class InputFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputFileException(String zh, String en) {
        super(zh + " / " + en);
    }

    public InputFileException(String zh, String en, Throwable cause) {
        super(zh + " / " + en, cause);
    }
}
