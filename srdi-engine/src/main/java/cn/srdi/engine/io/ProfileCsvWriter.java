package cn.srdi.engine.io;

import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes profiles as CSV: UTF-8 without byte order mark, comma separated, CRLF line ends, a cell
 * quoted only when it needs to be (it contains a comma, a quote or a line break; RFC 4180).
 * Streaming: memory does not grow with the number of rows.
 */
public final class ProfileCsvWriter implements ProfileWriter {
    private static final int N = Field.ALL.length;

    private final CsvWriter csv;

    /** Creates (or replaces) {@code file} and writes the header row. */
    public ProfileCsvWriter(Path file) throws IOException {
        this(Files.newOutputStream(file));
    }

    /** Writes to {@code out} (closed by {@link #close()}), starting with the header row. */
    public ProfileCsvWriter(OutputStream out) throws IOException {
        this.csv = CsvWriter.builder()
                .fieldSeparator(',')
                .quoteCharacter('"')
                .quoteStrategy(QuoteStrategies.REQUIRED)
                .lineDelimiter(LineDelimiter.CRLF)
                .build(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
        CsvWriter.CsvWriterRecord header = csv.writeRecord();
        for (Field f : Field.ALL) {
            header.writeField(f.id());
        }
        endRecord(header);
    }

    @Override
    public void write(Profile profile) throws IOException {
        CsvWriter.CsvWriterRecord record = csv.writeRecord();
        for (Field f : Field.ALL) {
            record.writeField(IoSupport.format(profile, f));
        }
        endRecord(record);
    }

    @Override
    public void writeRow(String[] cells) throws IOException {
        if (cells.length != N) {
            throw new IllegalArgumentException("need " + N + " cells, got " + cells.length);
        }
        CsvWriter.CsvWriterRecord record = csv.writeRecord();
        for (String c : cells) {
            record.writeField(c == null ? "" : c);
        }
        endRecord(record);
    }

    private static void endRecord(CsvWriter.CsvWriterRecord record) throws IOException {
        try {
            record.endRecord();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
