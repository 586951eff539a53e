package vn.vanthu.dossier;

import java.util.OptionalInt;

/**
 * One row of a year's dossier catalogue, with its heading: what a dossier opened "from the catalogue" copies
 * (symbol, title, retention, the person responsible).
 *
 * <pre>{@code
 * CatalogueRow r = catalogues.row(2026, "01.TCCB").orElseThrow();
 * r.title(); r.retention(); // "PERMANENT" or "10Y"
 * r.heading().numeral();    // "I"
 * }</pre>
 */
public record CatalogueRow(String symbol, String title, String retention, String responsibleUserId, String notes,
                           Heading heading) {

    /** The heading the row stands under, e.g. {@code I. Tổ chức, cán bộ}. */
    public record Heading(String numeral, String title) {
        @Override
        public String toString() {
            return numeral + ". " + title;
        }
    }

    /** True when the dossier is kept permanently (vĩnh viễn). */
    public boolean permanent() {
        return Retention.PERMANENT.equals(retention);
    }

    /** Years the dossier is kept, empty when permanent. */
    public OptionalInt retentionYears() {
        return Retention.years(retention);
    }

    /** "Vĩnh viễn" or "10 năm". */
    public String retentionLabel() {
        return Retention.label(retention);
    }
}
