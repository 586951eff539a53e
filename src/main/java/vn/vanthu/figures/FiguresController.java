package vn.vanthu.figures;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.Requests;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * HTTP for the figures: {@code GET /api/v1/figures?year=2026&period=quarter&unit=&format=json|csv|pdf}, or
 * {@code from=2026-01-01&to=2026-12-31} instead of the year (neither: the current year). Every parameter is checked
 * before any query runs.
 *
 * <pre>{@code r.add(GET, "/api/v1/figures", Set.of(CLERK, AUDITOR, ADMIN, OFFICIAL), …, NONE, figures::get);}</pre>
 */
public final class FiguresController {
    /** Longest unit name: the drafting unit of a dispatch is kept in 50 characters. */
    static final int MAX_UNIT = 50;
    /** The longest range one call covers. */
    static final int MAX_YEARS = 10;

    private final FiguresService figures;
    private final FiguresPdf pdf;

    FiguresController(FiguresService figures, FiguresPdf pdf) {
        this.figures = figures;
        this.pdf = pdf;
    }

    public void get(Context ctx) {
        FiguresService.Request request = request(ctx, figures.today());
        String format = ctx.queryParam("format") == null ? "json" : ctx.queryParam("format");
        if (!format.equals("json") && !format.equals("csv") && !format.equals("pdf")) {
            throw ApiException.badRequest("INVALID_FORMAT", "format must be json, csv or pdf", "format");
        }
        FiguresService.Report report = figures.report(request);
        String name = "so-lieu-" + request.from() + "-" + request.to();
        switch (format) {
            case "csv" -> {
                ctx.contentType("text/csv; charset=utf-8");
                ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
                ctx.result(FiguresCsv.of(report));
            }
            case "pdf" -> {
                ctx.contentType("application/pdf");
                ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
                ctx.result(pdf.render(report));
            }
            default -> ctx.json(Map.of("from", request.from().toString(), "to", request.to().toString(),
                    "period", request.granularity().name().toLowerCase(), "periods", report.views()));
        }
    }

    static FiguresService.Request request(Context ctx, LocalDate today) {
        Integer year = Requests.year(ctx.queryParam("year"), 1900, 9999);
        LocalDate from = date(ctx.queryParam("from"), "from");
        LocalDate to = date(ctx.queryParam("to"), "to");
        if (year != null && (from != null || to != null)) {
            throw ApiException.badRequest("INVALID_RANGE", "Give either year or from and to, not both", "year");
        }
        if (year != null) {
            from = LocalDate.of(year, 1, 1);
            to = LocalDate.of(year, 12, 31);
        } else if (from == null && to == null) {
            from = LocalDate.of(today.getYear(), 1, 1);
            to = LocalDate.of(today.getYear(), 12, 31);
        } else if (from == null || to == null) {
            throw ApiException.badRequest("INVALID_RANGE", "from and to go together (dates such as 2026-01-01)",
                    from == null ? "from" : "to");
        }
        if (to.isBefore(from)) {
            throw ApiException.badRequest("INVALID_RANGE", "to must not be before from", "to");
        }
        if (to.isAfter(from.plusYears(MAX_YEARS))) {
            throw ApiException.badRequest("INVALID_RANGE", "One call covers at most " + MAX_YEARS + " years", "to");
        }
        String p = ctx.queryParam("period");
        FiguresService.Granularity granularity;
        if (p == null || p.equals("quarter")) {
            granularity = FiguresService.Granularity.QUARTER;
        } else if (p.equals("year")) {
            granularity = FiguresService.Granularity.YEAR;
        } else {
            throw ApiException.badRequest("INVALID_PERIOD", "period must be quarter or year", "period");
        }
        return new FiguresService.Request(from, to, granularity, unit(ctx.queryParam("unit")));
    }

    private static String unit(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String u = text.trim();
        if (u.length() > MAX_UNIT || u.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("INVALID_UNIT", "unit is a unit's name of at most " + MAX_UNIT
                    + " characters, without control characters", "unit");
        }
        return u;
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String v = text.trim();
        if (v.length() == 10) {
            try {
                LocalDate d = LocalDate.parse(v);
                if (d.getYear() >= 1900 && d.getYear() <= 9998) {
                    return d;
                }
            } catch (DateTimeParseException e) {
                // answered below
            }
        }
        throw ApiException.badRequest("INVALID_DATE", field + " must be a date such as 2026-01-01", field);
    }
}
