package cn.srdi.app.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads the official calendar CSV ({@code date,kind,name_zh,name_en}, UTF-8, header line first;
 * the format of {@code holidays-cn.csv}). All or nothing: any bad row fails the whole file with
 * every problem listed (line, column, value), in Chinese and English.
 */
public final class CalendarCsv {

    /** Header of the file. */
    public static final String HEADER = "date,kind,name_zh,name_en";
    private static final int MAX_ERRORS = 20;

    /** The rows of a file and the years they fall in. */
    public record Parsed(List<CalendarDay> days, SortedSet<Integer> years) {
    }

    private CalendarCsv() {
    }

    public static Parsed parse(InputStream in, String source) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r.lines().toList(), source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Parsed parse(String text, String source) {
        return parse(text == null ? List.of() : text.lines().toList(), source);
    }

    static Parsed parse(List<String> lines, String source) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        List<CalendarDay> days = new ArrayList<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        SortedSet<Integer> years = new TreeSet<>();
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw new CalendarException(source + "：文件为空，应有表头 " + HEADER, source + ": the file is empty; expected the header " + HEADER);
        }
        String header = lines.get(first).replace("\uFEFF", "").trim().toLowerCase(java.util.Locale.ROOT);
        if (!header.replace(" ", "").equals(HEADER)) {
            throw new CalendarException(source + " 第 " + (first + 1) + " 行：表头应为 " + HEADER + "，实为 " + lines.get(first),
                    source + " line " + (first + 1) + ": the header must be " + HEADER + ", found " + lines.get(first));
        }
        for (int i = first + 1; i < lines.size() && zh.size() < MAX_ERRORS; i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int n = i + 1;
            String[] f = split(line);
            if (f.length < 2 || f.length > 4) {
                zh.add("第 " + n + " 行：应有 2 至 4 列，实有 " + f.length + " 列");
                en.add("line " + n + ": expected 2 to 4 columns, found " + f.length);
                continue;
            }
            LocalDate date;
            try {
                date = LocalDate.parse(f[0].trim());
            } catch (DateTimeParseException e) {
                zh.add("第 " + n + " 行 date 列：“" + f[0] + "”不是 YYYY-MM-DD 日期");
                en.add("line " + n + " column date: '" + f[0] + "' is not a YYYY-MM-DD date");
                continue;
            }
            try {
                DayKind kind = DayKind.parse(f[1], "第 " + n + " 行 kind 列");
                CalendarDay d = new CalendarDay(date, kind, f.length > 2 ? f[2] : "", f.length > 3 ? f[3] : "");
                Integer before = seen.put(date, n);
                if (before != null) {
                    zh.add("第 " + n + " 行：日期 " + date + " 与第 " + before + " 行重复");
                    en.add("line " + n + ": date " + date + " repeats line " + before);
                    continue;
                }
                days.add(d);
                years.add(date.getYear());
            } catch (CalendarException e) {
                zh.add("第 " + n + " 行：" + e.zh());
                en.add("line " + n + ": " + e.en());
            }
        }
        if (!zh.isEmpty()) {
            throw new CalendarException(source + " 有错误，未导入任何内容：" + String.join("；", zh),
                    source + " has errors, nothing was imported: " + String.join("; ", en));
        }
        if (days.isEmpty()) {
            throw new CalendarException(source + "：没有数据行", source + ": no data rows");
        }
        return new Parsed(List.copyOf(days), years);
    }

    private static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out.toArray(String[]::new);
    }

    /** Writes days in the same format (for export). */
    public static String write(List<CalendarDay> days) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (CalendarDay d : days) {
            sb.append(d.date()).append(',').append(d.kind()).append(',').append(quote(d.nameZh())).append(',')
                    .append(quote(d.nameEn())).append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
