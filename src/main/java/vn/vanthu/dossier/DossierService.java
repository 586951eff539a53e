package vn.vanthu.dossier;

import vn.vanthu.time.VietnamTime;
import java.time.Clock;
import vn.vanthu.audit.AuditLog;
import vn.vanthu.config.AppConfig;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.RequestOrigin;
import vn.vanthu.web.Role;
import vn.vanthu.web.User;
import vn.vanthu.users.UserService;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Opening, listing and submitting work dossiers (Decree 30/2020 Art. 28-31). Filing documents is {@link Filing};
 * closing and sealing is {@link Closing}.
 *
 * <pre>{@code Dossier d = dossiers.create(clerk, new NewDossier("01.TCCB", 2026, null, null, …));}</pre>
 */
public final class DossierService {
    static final Set<String> RIGHTS = Set.of("PUBLIC", "CONDITIONAL", "RESTRICTED");
    private static final Pattern SYMBOL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.\\-/_ ]{0,49}");

    private final DossierDao dao;
    private final UserService users;
    private final CatalogueService catalogue;
    private final AppConfig.Agency agency;
    private final AppConfig.Dossiers config;
    private final Clock clock;

    DossierService(DossierDao dao, UserService users, CatalogueService catalogue, AppConfig.Agency agency,
                   AppConfig.Dossiers config, Clock clock) {
        this.clock = clock;
        this.dao = dao;
        this.users = users;
        this.catalogue = catalogue;
        this.agency = agency;
        this.config = config;
    }

    /** Now, from the service's clock (UTC, as stored). */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The names of the dossier's creator and responsible person and of who closed it, for its metadata. */
    DossierXml.Names names(Dossier d, String closedBy) {
        return new DossierXml.Names(personName(d.createdBy()), personName(d.responsibleUserId()), personName(closedBy));
    }

    private String personName(String userId) {
        if (userId == null) {
            return null;
        }
        return users.find(userId).map(u -> u.displayName() == null || u.displayName().isBlank() ? u.name() : u.displayName())
                .orElse(userId);
    }

    AppConfig.Agency agency() {
        return agency;
    }

    public Dossier create(User caller, RequestOrigin origin, NewDossier m) {
        LocalDate start = m.startDate() == null ? today() : date(m.startDate(), "startDate");
        int year = m.year() == null ? start.getYear() : m.year();
        if (year < 2000 || year > 2100) {
            throw ApiException.badRequest("INVALID_YEAR", "year must be between 2000 and 2100", "year");
        }
        CatalogueRow row = null;
        if (m.catalogueSymbol() != null) {
            row = catalogue.row(year, m.catalogueSymbol().trim()).orElseThrow(() -> ApiException.unprocessable(
                    "NOT_IN_CATALOGUE", "The " + year + " catalogue has no row " + m.catalogueSymbol(), "catalogueSymbol"));
        }
        String symbol = first(m.symbol(), row == null ? null : row.symbol());
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw ApiException.badRequest("INVALID_SYMBOL", "symbol is required: up to 50 letters, digits, '.', '-', '/', e.g. 01.TCCB", "symbol");
        }
        String title = first(m.title(), row == null ? null : row.title());
        if (title == null || title.length() > NewDossier.max("title")) {
            throw ApiException.badRequest("MISSING_FIELD", "title is required (at most 500 characters)", "title");
        }
        String retention = Retention.parse(first(m.retention(), row == null ? null : row.retention()), "retention");
        String responsible = first(m.responsibleUserId(), row == null ? null : row.responsibleUserId());
        if (responsible == null) {
            responsible = caller.id();
        }
        User owner = users.find(responsible).filter(u -> !u.disabled()).orElseThrow(() -> ApiException.unprocessable(
                "UNKNOWN_USER", "responsibleUserId must name an existing user", "responsibleUserId"));
        String rights = choice(m.rights(), "PUBLIC", RIGHTS, "rights");
        Dossier.Category category = Dossier.Category.valueOf(choice(m.category(), "GENERAL",
                Set.of("GENERAL", "CAPITAL_CONSTRUCTION"), "category"));
        String language = first(m.language(), "vi");
        Dossier d = new Dossier(UUID.randomUUID().toString(), year, symbol, agency.organId() + "." + year + "." + symbol,
                title, retention, rights, limit(language, NewDossier.max("language"), "language"), category, limit(m.keyword(), NewDossier.max("keyword"), "keyword"),
                limit(m.description(), NewDossier.max("description"), "description"), owner.id(), start.toString(), null, Dossier.Status.OPEN,
                caller.id(), now(), null, null, null, null, null, null);
        dao.insert(d, AuditLog.Entry.ofChange(origin, "DOSSIER_OPEN", d.id(), d.fileCode()));
        return d;
    }

    public Dossier get(String id) {
        return dao.find(id).orElseThrow(() -> ApiException.notFound("Dossier " + id));
    }

    /** A page of the dossiers of {@code year}, {@code status} and {@code responsible} (user id); each null: any. */
    public List<Dossier> list(Integer year, String status, String responsible, int limit, long offset) {
        return dao.list(year, status(status), responsible, limit, offset);
    }

    /** How many dossiers {@link #list} finds with the same filters. */
    public long count(Integer year, String status, String responsible) {
        return dao.count(year, status(status), responsible);
    }

    private static String status(String status) {
        if (status != null) {
            choice(status, null, Set.of("OPEN", "CLOSED", "SUBMITTED"), "status");
        }
        return status;
    }

    /** The documents and pages of each dossier, read at once for a whole page of a list. */
    public Map<String, Dossier.Totals> totals(List<Dossier> dossiers) {
        return dao.totals(dossiers.stream().map(Dossier::id).toList());
    }

    public List<Dossier.Item> items(String id) {
        return dao.items(id);
    }

    public List<Dossier.Event> history(String id) {
        return dao.history(id);
    }

    /**
     * The dossier, when the caller may file into it or remove from it: its responsible person or a clerk
     * (another user sees the dossier, so 403 NOT_RESPONSIBLE; 404 when there is no such dossier).
     */
    public Dossier changeableBy(User caller, String id) {
        Dossier d = get(id);
        if (!caller.id().equals(d.responsibleUserId()) && !caller.has(Role.CLERK)) {
            throw ApiException.forbidden("NOT_RESPONSIBLE",
                    "Only the dossier's responsible person or a clerk may file into it or remove from it");
        }
        return d;
    }

    public void removeItem(User caller, RequestOrigin origin, String id, String itemId) {
        changeableBy(caller, id);
        dao.deleteItem(id, itemId, caller.id(), AuditLog.Entry.ofChange(origin, "DOSSIER_REMOVE", id, itemId));
    }

    /** Nộp lưu: a CLOSED dossier handed to the agency archive. */
    public Dossier submit(User caller, String id) {
        Dossier d = get(id);
        if (!dao.markSubmitted(id, caller.id())) {
            throw ApiException.conflict("DOSSIER_NOT_CLOSED", "Only a CLOSED dossier can be submitted; this one is " + d.status());
        }
        return get(id);
    }

    /** The submission deadline: end date + the configured months (capital construction: its own months). */
    public LocalDate deadline(Dossier d) {
        if (d.endDate() == null) {
            return null;
        }
        int months = d.category() == Dossier.Category.CAPITAL_CONSTRUCTION
                ? config.capitalSubmissionMonths() : config.submissionMonths();
        return LocalDate.parse(d.endDate()).plusMonths(months);
    }

    /** Closed, not yet submitted dossiers whose deadline is on or before today + {@code within} (overdue ones too). */
    public List<Dossier> due(int withinDays) {
        LocalDate until = today().plusDays(withinDays);
        return dao.awaitingSubmission().stream().filter(d -> !deadline(d).isAfter(until)).toList();
    }

    boolean userHas(String userId, Role role) {
        return users.find(userId).map(u -> u.has(role)).orElse(false);
    }

    LocalDate today() {
        return VietnamTime.today(clock);
    }

    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_DATE", field + " must be a date such as 2026-11-26", field);
        }
    }

    private static String first(String given, String fallback) {
        return given != null && !given.isBlank() ? given.trim() : fallback;
    }

    private static String choice(String value, String fallback, Set<String> allowed, String field) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw ApiException.badRequest("INVALID_" + field.toUpperCase(Locale.ROOT), field + " must be one of " + allowed, field);
        }
        return v;
    }

    private static String limit(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw ApiException.badRequest("TOO_LONG", field + " may have at most " + max + " characters", field);
        }
        return value;
    }
}
