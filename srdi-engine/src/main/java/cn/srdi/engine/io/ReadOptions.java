package cn.srdi.engine.io;

/**
 * Options of the profile readers.
 *
 * @param ignoreUnknownColumns accept and skip columns that are not in GRADING.md section 8
 *     (otherwise an unknown column is an error of the whole file)
 */
public record ReadOptions(boolean ignoreUnknownColumns) {
    public static final ReadOptions DEFAULT = new ReadOptions(false);
}
