package cn.srdi.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.engine.model.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Writing random valid profiles and reading them back gives equal profiles, in CSV and XLSX. */
class ProfileRoundTripTest {

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 60)
    @Label("profiles written as CSV read back equal")
    void profiles_written_as_csv_read_back_equal(@ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 40) int n)
            throws IOException {
        roundTrip(seed, n, ".csv");
    }

    @Property(tries = 25)
    @Label("profiles written as XLSX read back equal")
    void profiles_written_as_xlsx_read_back_equal(@ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 40) int n)
            throws IOException {
        roundTrip(seed, n, ".xlsx");
    }

    @Property(tries = 40)
    @Label("raw rows written as CSV or XLSX read back as the same cells")
    void raw_rows_read_back_as_the_same_cells(@ForAll("seeds") long seed) throws IOException {
        Random r = new Random(seed);
        String[] cells = new String[cn.srdi.engine.model.Field.ALL.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = r.nextInt(3) == 0 ? "" : "v" + r.nextInt(1000) + (r.nextBoolean() ? ",\"x\"\n" : "");
        }
        for (String ext : new String[] {".csv", ".xlsx"}) {
            Path file = Files.createTempFile("srdi-raw", ext);
            try {
                try (ProfileWriter w = ProfileWriter.open(file)) {
                    w.writeRow(cells);
                }
                try (RawRowSource src = RawRowSource.open(file)) {
                    RawRow row = src.next();
                    if (IoSupport.allBlank(cells)) {
                        assertThat(row).isNull();
                    } else {
                        assertThat(row.row()).isEqualTo(2);
                        assertThat(row.cells()).containsExactly(cells);
                        assertThat(src.next()).isNull();
                    }
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void roundTrip(long seed, int n, String ext) throws IOException {
        Random r = new Random(seed);
        List<Profile> written = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            written.add(RandomProfiles.profile(r, i + 2));
        }
        Path file = Files.createTempFile("srdi-roundtrip", ext);
        try {
            try (ProfileWriter w = ProfileWriter.open(file)) {
                for (Profile p : written) {
                    w.write(p);
                }
            }
            List<ReadResult> read = TestFiles.readAll(file);
            assertThat(read).hasSize(n);
            for (int i = 0; i < n; i++) {
                ReadResult rr = read.get(i);
                assertThat(rr).as("row %d of %s", i + 2, ext).isInstanceOf(ReadResult.Accepted.class);
                Profile back = ((ReadResult.Accepted) rr).profile();
                assertThat(back.row()).isEqualTo(i + 2);
                assertThat(back).as("row %d of %s", i + 2, ext).isEqualTo(written.get(i));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
