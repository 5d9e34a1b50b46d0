package cn.srdi.engine.io;

import java.nio.file.Path;

/**
 * Reads an assessment profile file (GRADING.md section 8), one {@link ReadResult} per data row, in
 * file order: XLSX (first sheet) when the name ends with {@code .xlsx}, CSV otherwise.
 *
 * <p>This is the sequential composition of the three stages, which a caller may also run
 * separately to convert on several threads:
 * <pre>{@code
 * try (ProfileReader reader = ProfileReader.open(path, options)) {
 *     RawRowSource source = reader.source();          // reader thread: source.nextBatch(batch, 1024)
 *     RowConverter converter = reader.converter();    // worker threads: converter.convert(raw)
 *     DuplicateTracker duplicates = new DuplicateTracker(); // in row order: duplicates.check(result)
 *     ...
 * }
 * }</pre>
 * Keep the rows in flight bounded (e.g. batches of about 1,000 rows and a queue of a few batches):
 * rows that survive young collections make the garbage collector copy them, which costs more than
 * converting them. Not thread-safe itself; {@link #next()} and direct use of {@link #source()} must
 * not be mixed.
 */
public final class ProfileReader implements AutoCloseable {
    private final RawRowSource source;
    private final RowConverter converter;
    private final DuplicateTracker duplicates = new DuplicateTracker();

    private ProfileReader(RawRowSource source, RowConverter converter) {
        this.source = source;
        this.converter = converter;
    }

    /**
     * Opens a file and checks its header.
     *
     * @throws InputFileException when the file cannot be read or its header is refused
     */
    public static ProfileReader open(Path file, ReadOptions options) {
        RawRowSource source = RawRowSource.open(file);
        try {
            return new ProfileReader(source, RowConverter.forSource(source, options));
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * The next row's result (rejected rows included), or null at the end of the file.
     *
     * @throws InputFileException when the rest of the file cannot be read (e.g. a byte sequence
     *     that is not UTF-8 further down)
     */
    public ReadResult next() {
        RawRow raw = source.next();
        return raw == null ? null : duplicates.check(converter.convert(raw));
    }

    /** The raw-row stage, for a parallel pipeline. */
    public RawRowSource source() {
        return source;
    }

    /** The conversion stage (thread-safe), for a parallel pipeline. */
    public RowConverter converter() {
        return converter;
    }

    @Override
    public void close() {
        source.close();
    }
}
