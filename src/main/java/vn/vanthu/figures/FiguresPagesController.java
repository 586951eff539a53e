package vn.vanthu.figures;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;
import vn.vanthu.web.Views;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The figures as a page (CLERK, AUDITOR, ADMIN, OFFICIAL, as the API): the form (year or from/to, period, unit),
 * the headline percentages as a bar chart ({@code /figures/chart.png}, drawn by {@link FiguresChart} as in the
 * PDF), and one table per unit — the agency first — with each figure of each period, its count and percentage, as
 * {@link FiguresService#report} computed them; links to the CSV and the sealed PDF of the API's handler.
 *
 * <pre>{@code r.add(GET, "/figures", Set.of(CLERK, AUDITOR, ADMIN, OFFICIAL), "pages", …, NONE, pages::page);}</pre>
 */
public final class FiguresPagesController {
    /**
     * The chart is drawn on 480 × 300 points (its texts as large as in the PDF), rendered at three pixels a point
     * and shown at one and a half CSS pixels a point: 720 × 450 on the page, sharp on screens of double density.
     */
    private static final int CHART_WIDTH = 480;
    private static final int CHART_HEIGHT = 300;
    private static final int CHART_SCALE = 3;

    private final FiguresService figures;

    FiguresPagesController(FiguresService figures) {
        this.figures = figures;
    }

    /** One figure's count and percentage in one period, as shown ("—": nothing to count). */
    public record Cell(String count, String pct) {}

    /** One line of a table: the text key of its label, the JSON names of its count and percentage, its cells. */
    public record Line(String label, String count, String pct, List<Cell> cells) {}

    /** A period of a table: as the JSON names it ("2026-Q4") and as the page shows it. */
    public record Period(String key, String label) {}

    /** The table of one unit (empty: the whole agency), its periods and its lines. */
    public record Table(String unit, List<Period> periods, List<Line> lines) {}

    public void page(Context ctx) {
        Map<String, Object> model = new LinkedHashMap<>();
        String from = blank(ctx.queryParam("from"));
        String to = blank(ctx.queryParam("to"));
        String year = blank(ctx.queryParam("year"));
        model.put("year", year.isEmpty() && from.isEmpty() && to.isEmpty() ? String.valueOf(figures.today().getYear()) : year);
        model.put("from", from);
        model.put("to", to);
        model.put("period", "year".equals(ctx.queryParam("period")) ? "year" : "quarter");
        model.put("unit", blank(ctx.queryParam("unit")));
        try {
            FiguresService.Request request = FiguresController.request(ctx, figures.today());
            FiguresService.Report report = figures.report(request);
            model.put("query", query(request));
            model.put("tables", tables(report, "en".equals(Views.lang(ctx))));
            model.put("width", CHART_WIDTH * 3 / 2);
            model.put("height", CHART_HEIGHT * 3 / 2);
        } catch (ApiException e) {
            String known = Views.text(ctx, "error." + e.code());
            model.put("error", known.equals("error." + e.code()) ? e.getMessage() : known);
            ctx.status(e.status());
        }
        Views.render(ctx, "figures", model);
    }

    /** The chart of the page's query as a PNG, in the page's language. */
    public void chart(Context ctx) {
        FiguresService.Report report = figures.report(FiguresController.request(ctx, figures.today()));
        BufferedImage image = FiguresChart.render(report, CHART_WIDTH, CHART_HEIGHT, CHART_SCALE,
                "en".equals(Views.lang(ctx)));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("image/png").result(png.toByteArray());
    }

    /** The query that gives the same figures to the chart and to the downloads. */
    private static String query(FiguresService.Request r) {
        return "from=" + r.from() + "&to=" + r.to() + "&period=" + r.granularity().name().toLowerCase()
                + (r.unit() == null ? "" : "&unit=" + URLEncoder.encode(r.unit(), StandardCharsets.UTF_8));
    }

    private static List<Table> tables(FiguresService.Report report, boolean english) {
        List<Table> tables = new ArrayList<>();
        for (String unit : FiguresPdf.units(report)) {
            List<FiguresService.Row> rows = report.rows().stream().filter(r -> Objects.equals(r.unit(), unit)).toList();
            List<Map<String, Object>> views = rows.stream().map(FiguresService.Row::view).toList();
            List<Line> lines = new ArrayList<>();
            for (FiguresPdf.Measure m : FiguresPdf.MEASURES) {
                if (views.get(0).get(m.section()) == null) {
                    continue;   // a unit records no dossiers, digitizations or validations
                }
                List<Cell> cells = views.stream().map(v -> cell(v, m, english)).toList();
                lines.add(new Line("figures." + m.section() + "." + m.count(), m.section() + "." + m.count(),
                        m.pct() == null ? "" : m.section() + "." + m.pct(), cells));
            }
            List<Period> periods = rows.stream().map(r -> new Period(r.period(), english
                    ? FiguresChart.englishPeriod(r.period()) : FiguresPdf.periodLabel(r.period()))).toList();
            tables.add(new Table(unit == null ? "" : unit, periods, lines));
        }
        return tables;
    }

    private static Cell cell(Map<String, Object> view, FiguresPdf.Measure m, boolean english) {
        Map<?, ?> section = (Map<?, ?>) view.get(m.section());
        Object pct = m.pct() == null ? null : section.get(m.pct());
        String shown = pct == null ? "—" : english ? pct.toString() : pct.toString().replace('.', ',');
        return new Cell(String.valueOf(section.get(m.count())), m.pct() == null ? "" : shown);
    }

    private static String blank(String v) {
        return v == null ? "" : v.strip();
    }
}
