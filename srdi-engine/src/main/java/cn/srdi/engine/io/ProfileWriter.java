package cn.srdi.engine.io;

import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes profiles in the input format of GRADING.md section 8, so that the file reads back into
 * equal profiles: a header row of the English column ids in {@link Field#ALL} order, then one row
 * per profile. Used by the {@code generate} command and by round-trip tests.
 */
public interface ProfileWriter extends AutoCloseable {

    /**
     * Creates (or replaces) a file: XLSX when the name ends with {@code .xlsx} (any case), CSV
     * (UTF-8 without byte order mark) otherwise.
     */
    static ProfileWriter open(Path file) throws IOException {
        return RawRowSource.isXlsx(file) ? new ProfileXlsxWriter(file) : new ProfileCsvWriter(file);
    }

    /** Writes one profile; blank (unset) fields give empty cells. */
    void write(Profile profile) throws IOException;

    /**
     * Writes one row of raw cell texts in {@link Field#ALL} order (for generating invalid input).
     *
     * @throws IllegalArgumentException when {@code cells} does not have one cell per field
     */
    void writeRow(String[] cells) throws IOException;

    /** Finishes the file. */
    @Override
    void close() throws IOException;
}
