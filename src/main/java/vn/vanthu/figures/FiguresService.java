package vn.vanthu.figures;

import vn.vanthu.config.AppConfig;
import vn.vanthu.time.VietnamTime;
import vn.vanthu.time.WorkingDays;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The agency's figures of electronic processing, computed from the records on every call (no counter kept
 * anywhere): {@link FiguresDao}'s grouped rows are added up per period (quarter or year) for the whole agency and
 * for each unit. The deadlines are Decree 30's: an issued document the day it was signed or the next working day
 * (Art. 18); an incoming document submitted to the person who directs it the day it arrived or the next working
 * day, an urgent one at once, within {@link #AT_ONCE} (Art. 23); handled by the deadline of its direction, the whole
 * day included (Art. 24); a dossier submitted to the archive within the configured months after its end date.
 *
 * <pre>{@code Report r = figures.report(new Request(from, to, Granularity.QUARTER, null));}</pre>
 */
public final class FiguresService {
    /** How soon an urgent incoming document must reach the person who directs it (as incoming tracking reads it). */
    static final Duration AT_ONCE = Duration.ofHours(2);

    public enum Granularity { QUARTER, YEAR }

    /** The days from {@code from} to {@code to} (both included); {@code unit} null: the agency and every unit. */
    public record Request(LocalDate from, LocalDate to, Granularity granularity, String unit) {}

    /** One period of one unit (null: the whole agency). */
    record Row(String period, String unit, Tally tally) {
        Map<String, Object> view() {
            return tally.view(period, unit);
        }
    }

    /** The periods asked for, in order, each with the agency's row first and then its units' rows. */
    public record Report(Request request, List<Row> rows, LocalDate madeOn) {
        public List<Map<String, Object>> views() {
            return rows.stream().map(Row::view).toList();
        }
    }

    private final FiguresDao dao;
    private final WorkingDays workingDays;
    private final AppConfig.Dossiers dossierRules;
    private final Clock clock;

    FiguresService(FiguresDao dao, WorkingDays workingDays, AppConfig.Dossiers dossierRules, Clock clock) {
        this.dao = dao;
        this.workingDays = workingDays;
        this.dossierRules = dossierRules;
        this.clock = clock;
    }

    public LocalDate today() {
        return VietnamTime.today(clock);
    }

    public Report report(Request r) {
        LocalDate today = today();
        FiguresDao.Records records = dao.read(r.from().atStartOfDay(VietnamTime.ZONE).toOffsetDateTime(),
                r.to().plusDays(1).atStartOfDay(VietnamTime.ZONE).toOffsetDateTime(), today);
        Map<String, Map<String, Tally>> byPeriod = new LinkedHashMap<>();
        for (String p : periods(r)) {
            byPeriod.put(p, new LinkedHashMap<>());
        }
        Tallies t = new Tallies(r, byPeriod);
        for (FiguresDao.Outgoing o : records.outgoing()) {
            boolean onTime = o.signedDay() != null
                    && !day(o.issuedDay()).isAfter(workingDays.next(day(o.signedDay())));
            for (Tally x : t.of(o.issuedDay(), o.unit())) {
                x.issued += o.count();
                x.signedDigitally += o.signed();
                x.issuedOnTime += onTime ? o.count() : 0;
                x.recipients += o.recipients();
                x.sentElectronically += o.reached();
            }
        }
        for (FiguresDao.Incoming i : records.incoming()) {
            boolean submittedOnTime = i.receivedDay() != null && i.directedDay() != null
                    && !day(i.directedDay()).isAfter(workingDays.next(day(i.receivedDay())));
            for (Tally x : t.of(i.registeredDay(), i.unit())) {
                x.registered += i.count();
                x.receivedElectronically += i.electronic();
                x.submittedOnTime += i.urgentAtOnce() + (submittedOnTime ? i.count() : 0);
                x.handled += i.handled();
                x.handledByDeadline += i.handledByDeadline();
                x.late += i.late();
                x.open += i.open();
                x.overdue += i.overdue();
            }
        }
        agencyOnly(records, t);
        List<Row> rows = new ArrayList<>();
        byPeriod.forEach((period, units) -> units.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.nullsFirst(Comparator.naturalOrder())))
                .forEach(e -> rows.add(new Row(period, e.getKey().isEmpty() ? null : e.getKey(), e.getValue()))));
        return new Report(r, List.copyOf(rows), today);
    }

    /** Dossiers, digitization and validations: recorded for the agency, not per unit. */
    private void agencyOnly(FiguresDao.Records records, Tallies t) {
        for (FiguresDao.Opened o : records.opened()) {
            t.agency(o.day()).forEach(x -> { x.opened += o.count(); x.keptPerCatalogue += o.inCatalogue(); });
        }
        for (FiguresDao.Closed c : records.closed()) {
            t.agency(c.day()).forEach(x -> { x.closed += c.count(); x.closedWithSealedPackage += c.sealed(); });
        }
        for (FiguresDao.Submitted s : records.submitted()) {
            LocalDate deadline = s.endDate() == null ? null : LocalDate.parse(s.endDate()).plusMonths(
                    "CAPITAL_CONSTRUCTION".equals(s.category()) ? dossierRules.capitalSubmissionMonths()
                            : dossierRules.submissionMonths());
            boolean onTime = deadline == null || !day(s.day()).isAfter(deadline);
            t.agency(s.day()).forEach(x -> { x.submitted += s.count(); x.submittedToArchiveOnTime += onTime ? s.count() : 0; });
        }
        for (FiguresDao.Digitized d : records.digitized()) {
            t.agency(d.day()).forEach(x -> { x.digitizedDocuments += d.documents(); x.pages += d.pages(); });
        }
        for (FiguresDao.Validated v : records.validated()) {
            t.agency(v.day()).forEach(x -> {
                x.validations += v.count();
                x.passed += v.passed();
                x.notPassed += v.notPassed();
                x.unsigned += v.unsigned();
            });
        }
    }

    private static LocalDate day(long key) {
        return FiguresDao.date(key);
    }

    static String period(LocalDate d, Granularity g) {
        return g == Granularity.YEAR ? String.valueOf(d.getYear()) : d.getYear() + "-Q" + ((d.getMonthValue() - 1) / 3 + 1);
    }

    private static List<String> periods(Request r) {
        List<String> out = new ArrayList<>();
        for (LocalDate d = r.from(); !d.isAfter(r.to()); d = d.plusMonths(1)) {
            String p = period(d, r.granularity());
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        String last = period(r.to(), r.granularity());
        if (!out.contains(last)) {
            out.add(last);
        }
        return out;
    }

    /**
     * The tallies a grouped row adds to: its period's agency row and its unit's row (when the request is for every
     * unit), or only the asked unit's row. Keys: "" for the agency, else the unit's name.
     */
    private static final class Tallies {
        private final Request request;
        private final Map<String, Map<String, Tally>> byPeriod;

        Tallies(Request request, Map<String, Map<String, Tally>> byPeriod) {
            this.request = request;
            this.byPeriod = byPeriod;
            String own = request.unit() == null ? "" : request.unit();
            byPeriod.values().forEach(units -> units.put(own, new Tally()));
        }

        List<Tally> of(long dayKey, String unit) {
            Map<String, Tally> units = byPeriod.get(period(day(dayKey), request.granularity()));
            if (units == null) {
                return List.of();
            }
            if (request.unit() != null) {
                return Objects.equals(request.unit(), unit) ? List.of(units.get(request.unit())) : List.of();
            }
            return unit == null || unit.isEmpty() ? List.of(units.get(""))
                    : List.of(units.get(""), units.computeIfAbsent(unit, u -> new Tally()));
        }

        List<Tally> agency(long dayKey) {
            Map<String, Tally> units = byPeriod.get(period(day(dayKey), request.granularity()));
            return units == null || request.unit() != null ? List.of() : List.of(units.get(""));
        }
    }
}
