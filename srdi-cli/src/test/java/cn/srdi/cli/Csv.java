package cn.srdi.cli;

import cn.srdi.engine.reference.CreditCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small CSV helpers for tests: hand-written profile files and an RFC 4180 reader for outputs. */
final class Csv {
    private Csv() {
    }

    /** Company X of GRADING.md section 10, column by column (English ids of section 8). */
    static Map<String, String> companyX() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("credit_code", "91350100M000100Y43");
        m.put("name", "Company X");
        m.put("industry_code", "C3563");
        m.put("assessment_date", "2026-03-01");
        m.put("revenue_y1", "3200");
        m.put("revenue_y2", "2800");
        m.put("revenue_y3", "2500");
        m.put("main_revenue_y1", "2900");
        m.put("main_revenue_y2", "2550");
        m.put("main_revenue_y3", "2300");
        m.put("rd_expense_y1", "160");
        m.put("rd_expense_y2", "120");
        m.put("net_profit_y1", "260");
        m.put("total_assets_y1", "1000");
        m.put("total_liabilities_y1", "520");
        m.put("employees_y1", "80");
        m.put("rd_staff_y1", "12");
        m.put("ip1", "2");
        m.put("ip1_self_developed", "2");
        m.put("ip2", "6");
        m.put("rd_institution_level", "MUNICIPAL");
        m.put("digital_level", "2");
        m.put("quality_cert", "true");
        m.put("own_brand", "true");
        m.put("niche_years", "6");
        m.put("strategic_emerging", "true");
        m.put("main_product_field", "SIX_BASICS");
        m.put("local_points", "5");
        return m;
    }

    /** Company X with some columns changed (a blank value blanks the column). */
    static Map<String, String> companyX(String... keyValues) {
        Map<String, String> m = companyX();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** A valid credit code distinct for each n in 0..99 (check character computed). */
    static String creditCode(int n) {
        return CreditCode.withCheckCharacter("91500112MA0LTC2" + String.format("%02d", n));
    }

    /** Writes profiles as CSV; the header is the union of their columns, in first-seen order. */
    static Path write(Path file, List<Map<String, String>> rows) {
        Set<String> header = new LinkedHashSet<>();
        rows.forEach(r -> header.addAll(r.keySet()));
        StringBuilder sb = new StringBuilder();
        cn.srdi.engine.output.GradeCsv.row(sb, new ArrayList<>(header));
        for (Map<String, String> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String h : header) {
                cells.add(r.getOrDefault(h, ""));
            }
            cn.srdi.engine.output.GradeCsv.row(sb, cells);
        }
        try {
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @SafeVarargs
    static Path write(Path file, Map<String, String>... rows) {
        return write(file, List.of(rows));
    }

    /** Parses RFC 4180 CSV text into records of cells. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                record.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any || cell.length() > 0) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }

    /** Parses a CSV file with a header into maps from column to cell. */
    static List<Map<String, String>> records(Path file) {
        List<List<String>> all = parse(Cli.read(file));
        List<Map<String, String>> out = new ArrayList<>();
        if (all.isEmpty()) {
            return out;
        }
        List<String> header = all.get(0);
        for (List<String> r : all.subList(1, all.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), i < r.size() ? r.get(i) : null);
            }
            out.add(m);
        }
        return out;
    }

    static List<String> header(Path file) {
        List<List<String>> all = parse(Cli.read(file));
        return all.isEmpty() ? List.of() : all.get(0);
    }
}
