package vn.vanthu.dossier;

import vn.vanthu.audit.AuditLog;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.config.AppConfig;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;
import vn.vanthu.web.User;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The dossier catalogue (danh mục hồ sơ) of each year: replaced as a whole, read as JSON or a printable PDF, and
 * looked up row by row when a dossier is opened from it.
 *
 * <pre>{@code
 * Catalogue c = catalogues.replace(clerk, 2026, input);   // refused whole, or stored whole
 * Optional<CatalogueRow> row = catalogues.row(2026, "01.TCCB");
 * byte[] pdf = catalogues.pdf(2026);
 * }</pre>
 */
public final class CatalogueService {
    private final CatalogueDao dao;
    private final String agencyName;
    private final Clock clock;

    public CatalogueService(Database db, AppConfig.Agency agency, Clock clock) {
        this.dao = new CatalogueDao(db);
        this.agencyName = agency.name();
        this.clock = clock;
    }

    /** Checks the catalogue, then replaces the year's in one transaction; returns it as stored. */
    public Catalogue replace(User caller, RequestOrigin origin, int year, CatalogueInput input) {
        Catalogue checked = CatalogueRules.check(year, input);
        Set<String> ids = new LinkedHashSet<>();
        checked.rows().forEach(r -> ids.add(r.responsibleUserId()));
        Set<String> existing = dao.existingUsers(ids);
        for (int h = 0; h < checked.headings().size(); h++) {
            var rows = checked.headings().get(h).rows();
            for (int r = 0; r < rows.size(); r++) {
                if (!existing.contains(rows.get(r).responsibleUserId())) {
                    throw ApiException.unprocessable("UNKNOWN_USER", "headings[" + h + "].rows[" + r
                            + "].responsibleUserId names no user: " + rows.get(r).responsibleUserId(), "responsibleUserId");
                }
            }
        }
        return dao.replace(checked, caller.id(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS),
                AuditLog.Entry.ofChange(origin, "CATALOGUE_REPLACE", "catalogue " + year,
                        checked.headings().size() + " headings, " + checked.rows().size() + " rows"));
    }

    /** The year's catalogue; 404 when it has none. */
    public Catalogue get(int year) {
        return find(year).orElseThrow(() -> ApiException.notFound("The dossier catalogue of " + year));
    }

    /** The year's catalogue; empty when it has none. */
    public Optional<Catalogue> find(int year) {
        CatalogueRules.year(year);
        return dao.find(year);
    }

    /** The row with this symbol in the year's catalogue, with its heading; empty when there is none. */
    public Optional<CatalogueRow> row(int year, String symbol) {
        if (symbol == null || symbol.isBlank() || year < CatalogueRules.MIN_YEAR || year > CatalogueRules.MAX_YEAR) {
            return Optional.empty();
        }
        return dao.row(year, symbol.strip());
    }

    /** The year's catalogue as a printable A4 PDF; 404 when it has none. */
    public byte[] pdf(int year) {
        return CataloguePdf.render(get(year), agencyName, null).pdf();
    }
}
