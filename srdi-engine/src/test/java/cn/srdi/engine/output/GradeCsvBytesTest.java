package cn.srdi.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import cn.srdi.engine.grading.Grade;
import cn.srdi.engine.grading.Grader;
import cn.srdi.engine.grading.RuleCatalog;
import cn.srdi.engine.model.Field;
import cn.srdi.engine.model.Profile;
import cn.srdi.engine.synth.RegionGenerator;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte writer {@link GradeCsv#write(ByteSink, Grade)} against the String path it replaces. */
class GradeCsvBytesTest {
    private static final Grader GRADER = new Grader(RuleCatalog.builtIn(), LocalDate.of(2026, 11, 22));
    private static final String[] NAMES = {
        "", "a,b", "say \"hi\"", "line\nbreak", "cr\rlf", "\"", ",", "宁波市某某科技有限公司", "😀 emoji, ok",
        "lone \uD800 high", "lone \uDC00 low", "end high \uD83D", "ünïcödé", "tab\tx", "\"quoted, both\"\r\n"};

    @Test
    void sameBytesAsTheStringPath2022() {
        compare(LocalDate.of(2026, 3, 1), 1);
    }

    @Test
    void sameBytesAsTheStringPath2026() {
        compare(LocalDate.of(2026, 6, 1), 2);
    }

    @Test
    void sameBytesWithOddNamesAndTitles() {
        RegionGenerator gen = new RegionGenerator(7, LocalDate.of(2026, 6, 1), 0, 0.05);
        Random rnd = new Random(3);
        String[] titles = {"", "SRDI", "TECH_INNOVATIVE", "INNOVATIVE;TECH_INNOVATIVE;SRDI", "LITTLE_GIANT;", ";;SRDI"};
        StringBuilder sb = new StringBuilder();
        ByteSink sink = new ByteSink(16);
        for (int i = 0; i < 2000; i++) {
            Profile p = gen.nextProfile();
            p.setText(Field.NAME, NAMES[rnd.nextInt(NAMES.length)]);
            if (rnd.nextInt(3) == 0) {
                p.setText(Field.TITLES, titles[rnd.nextInt(titles.length)]);
            }
            Grade g = GRADER.grade(p);
            GradeCsv.write(sb, g);
            GradeCsv.write(sink, g);
        }
        assertThat(sink.toByteArray()).isEqualTo(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void header() {
        StringBuilder sb = new StringBuilder();
        GradeCsv.header(sb);
        ByteSink sink = new ByteSink();
        GradeCsv.header(sink);
        assertThat(sink.toByteArray()).isEqualTo(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void textCellsAndNumbers() {
        Random rnd = new Random(11);
        ByteSink sink = new ByteSink(1);
        StringBuilder sb = new StringBuilder();
        char[] alphabet = {'a', ',', '"', '\n', '\r', 'é', '中', '\uD83D', '\uDE00', '\uDC00', ' '};
        for (int i = 0; i < 5000; i++) {
            char[] cs = new char[rnd.nextInt(12)];
            for (int k = 0; k < cs.length; k++) {
                cs[k] = alphabet[rnd.nextInt(alphabet.length)];
            }
            String s = new String(cs);
            GradeCsv.cell(sb, s);
            GradeCsv.textCell(sink, s);
            long v = switch (i % 4) {
                case 0 -> rnd.nextInt(200) - 100;
                case 1 -> rnd.nextLong();
                case 2 -> i == 2 ? Long.MIN_VALUE : Long.MAX_VALUE - i;
                default -> rnd.nextInt();
            };
            sb.append(v).append(';').append((int) v).append('\n');
            sink.appendLong(v).append(';').appendInt((int) v).append('\n');
        }
        assertThat(sink.toByteArray()).isEqualTo(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void compare(LocalDate date, long seed) {
        RegionGenerator gen = new RegionGenerator(seed, date, 0, 0.05);
        StringBuilder sb = new StringBuilder();
        ByteSink sink = new ByteSink(64);
        for (int i = 0; i < 4000; i++) {
            Grade g = GRADER.grade(gen.nextProfile());
            int before = sink.size();
            GradeCsv.write(sink, g);
            StringBuilder one = new StringBuilder();
            GradeCsv.write(one, g);
            assertThat(new String(sink.array(), before, sink.size() - before, StandardCharsets.UTF_8))
                    .as("row %d", g.row()).isEqualTo(one.toString());
            sb.append(one);
        }
        assertThat(sink.toByteArray()).isEqualTo(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
