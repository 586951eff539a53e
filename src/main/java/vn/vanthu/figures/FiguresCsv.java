package vn.vanthu.figures;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read Vietnamese): one line per period
 * and unit, one column per figure named as in the JSON ({@code outgoing.signedDigitallyPct}); a section a unit does
 * not record is left empty.
 *
 * <pre>{@code byte[] csv = FiguresCsv.of(report);}</pre>
 */
final class FiguresCsv {
    private static final String[] SECTIONS = {"outgoing", "incoming", "dossiers", "digitization", "validations"};

    private FiguresCsv() {}

    static byte[] of(FiguresService.Report report) {
        Map<String, Object> shape = new Tally().view("", null);
        List<String> header = new ArrayList<>(List.of("period", "unit"));
        for (String s : SECTIONS) {
            section(shape, s).keySet().forEach(k -> header.add(s + "." + k));
        }
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, header);
        for (Map<String, Object> row : report.views()) {
            List<String> cells = new ArrayList<>();
            cells.add(text(row.get("period")));
            cells.add(text(row.get("unit")));
            for (String s : SECTIONS) {
                Map<String, Object> values = section(row, s);
                section(shape, s).keySet().forEach(k -> cells.add(values == null ? "" : text(values.get(k))));
            }
            line(sb, cells);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> row, String name) {
        return (Map<String, Object>) row.get(name);
    }

    private static String text(Object v) {
        return v == null ? "" : v.toString();
    }

    private static void line(StringBuilder sb, List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            // A unit's name is typed by people: a cell a spreadsheet would run as a formula is kept as text.
            String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?") ? "'" + v : v;
            quoted.add(safe.matches("[\\w.\\-]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"");
        }
        sb.append(String.join(",", quoted)).append("\r\n");
    }
}
