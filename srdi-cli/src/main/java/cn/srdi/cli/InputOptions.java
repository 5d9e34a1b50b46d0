package cn.srdi.cli;

import cn.srdi.engine.io.RawRowSource;
import cn.srdi.engine.io.ReadOptions;
import cn.srdi.engine.io.RowConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The input file and how to read it. */
final class InputOptions {
    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "profiles, CSV or XLSX (GRADING.md section 8)")
    Path input;

    @Option(names = "--ignore-unknown", description = "skip columns that are not in the input format instead of refusing the file")
    boolean ignoreUnknown;

    ReadOptions readOptions() {
        return new ReadOptions(ignoreUnknown);
    }

    /** An open source and its converter; the caller closes the source. */
    record Opened(RawRowSource source, RowConverter converter, long bytes, boolean xlsx) {
    }

    Opened open() {
        RawRowSource source = RawRowSource.open(input);
        try {
            RowConverter converter = RowConverter.forSource(source, readOptions());
            long size;
            try {
                size = Files.size(input);
            } catch (java.io.IOException e) {
                size = -1;
            }
            return new Opened(source, converter, size, RawRowSource.isXlsx(input));
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
    }
}
