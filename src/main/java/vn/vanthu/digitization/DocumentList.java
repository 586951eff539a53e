package vn.vanthu.digitization;

import vn.vanthu.error.ApiException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CSV that describes a paper dossier's documents, one row each (RFC 4180: commas, double quotes, UTF-8):
 * a header naming the columns {@code file, numberSymbol, documentDate, issuingOrgan, documentType, subject,
 * paperPages} in any order, then rows whose {@code file} is the scan's name in the ZIP.
 *
 * <pre>{@code
 * file,numberSymbol,documentDate,issuingOrgan,documentType,subject,paperPages
 * qd-12.pdf,12/QĐ-UBND,2024-03-05,UBND tỉnh Thái Bình,QĐ,"Về việc …, năm 2024",3
 * }</pre>
 */
final class DocumentList {
    static final Set<String> COLUMNS = Set.of("file", "numberSymbol", "documentDate", "issuingOrgan", "documentType",
            "subject", "paperPages");

    /** One document: its line in the CSV (the header is line 1), its scan's name, what the clerk says of it. */
    record Row(int line, String file, PaperMetadata metadata) {}

    private DocumentList() {}

    static List<Row> parse(String csv, int maxRows) {
        List<List<String>> records = records(csv.startsWith("\uFEFF") ? csv.substring(1) : csv, maxRows + 1);
        if (records.isEmpty()) {
            throw refused("CSV_MALFORMED", "The CSV is empty; its first line names the columns " + COLUMNS);
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        if (!Set.copyOf(header).equals(COLUMNS) || header.size() != COLUMNS.size()) {
            throw refused("CSV_MALFORMED", "The CSV's first line must name the columns " + COLUMNS + " once each");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> cells = records.get(i);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            if (cells.size() != header.size()) {
                throw refused("CSV_MALFORMED", "Line " + (i + 1) + " of the CSV has " + cells.size() + " cells; the header has "
                        + header.size());
            }
            Map<String, String> v = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                v.put(header.get(c), cells.get(c).strip());
            }
            rows.add(new Row(i + 1, v.get("file"), new PaperMetadata(v.get("numberSymbol"), v.get("documentDate"),
                    v.get("issuingOrgan"), v.get("documentType"), v.get("subject"), pages(v.get("paperPages"), i + 1))));
        }
        if (rows.isEmpty()) {
            throw refused("CSV_MALFORMED", "The CSV lists no document");
        }
        return rows;
    }

    private static Integer pages(String text, int line) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw refused("CSV_MALFORMED", "Line " + line + " of the CSV: paperPages must be a whole number");
        }
    }

    /** RFC 4180 records; more than {@code max} is refused. */
    private static List<List<String>> records(String csv, int max) {
        List<List<String>> out = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char ch = csv.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                out.add(cells);
                cells = new ArrayList<>();
                if (out.size() > max) {
                    throw refused("CSV_TOO_MANY_ROWS", "The CSV lists more than " + (max - 1) + " documents");
                }
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw refused("CSV_MALFORMED", "The CSV ends inside a quoted cell");
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            out.add(cells);
        }
        return out;
    }

    static ApiException refused(String code, String message) {
        return ApiException.unprocessable(code, message, "documents");
    }
}
