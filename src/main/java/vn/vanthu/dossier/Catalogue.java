package vn.vanthu.dossier;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A year's dossier catalogue (danh mục hồ sơ, Decree 30/2020 Art. 28) as stored: headings with Roman numerals in
 * print order, each holding its dossier rows; who replaced it last and when.
 *
 * <pre>{@code Catalogue c = catalogues.get(2026); c.headings().get(0).rows().get(0).symbol(); // "01.TCCB"}</pre>
 */
public record Catalogue(int year, List<Heading> headings, OffsetDateTime updatedAt, String updatedBy) {
    public Catalogue {
        headings = List.copyOf(headings);
    }

    /** A heading (đề mục): "I" and "Tổ chức, cán bộ". */
    public record Heading(String numeral, String title, List<Row> rows) {
        public Heading {
            rows = List.copyOf(rows);
        }
    }

    /**
     * A dossier row: its symbol (e.g. {@code 01.TCCB}), title, retention ({@code PERMANENT} or {@code 10Y}), the
     * person responsible (user id and, when read back, display name) and notes (may be null).
     */
    public record Row(String symbol, String title, String retention, String responsibleUserId,
                      String responsibleName, String notes) {}

    /** Every row of the catalogue, in print order. */
    public List<Row> rows() {
        return headings.stream().flatMap(h -> h.rows().stream()).toList();
    }
}
