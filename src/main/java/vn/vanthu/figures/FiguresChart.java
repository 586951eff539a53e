package vn.vanthu.figures;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The bar chart of the report: for each period, one bar per headline percentage of the whole agency, drawn by
 * JFreeChart in Liberation Serif (Vietnamese labels, or English ones for the page in English). The PDF renders it
 * at four times the printed size (288 dpi), so it prints crisp on A4; the figures page at twice its size on screen.
 *
 * <pre>{@code BufferedImage img = FiguresChart.render(report, 515, 330);   // size in PDF points
 * BufferedImage png = FiguresChart.render(report, 720, 400, 2, true);     // the page's picture, in English}</pre>
 */
final class FiguresChart {
    static final int SCALE = 4;

    /** Section, key in the JSON, label in Vietnamese and in English: the percentages the chart shows. */
    record Headline(String section, String key, String label, String english) {}

    static final List<Headline> HEADLINES = List.of(
            new Headline("outgoing", "signedDigitallyPct", "VB đi ký số", "Outgoing signed digitally"),
            new Headline("outgoing", "issuedOnTimePct", "VB đi phát hành đúng hạn", "Outgoing issued on time"),
            new Headline("incoming", "receivedElectronicallyPct", "VB đến nhận điện tử", "Incoming received electronically"),
            new Headline("incoming", "submittedOnTimePct", "VB đến trình đúng hạn", "Incoming submitted on time"),
            new Headline("incoming", "handledByDeadlinePct", "VB đến xử lý đúng hạn", "Incoming handled by the deadline"),
            new Headline("dossiers", "closedWithSealedPackagePct", "Hồ sơ đóng có gói niêm phong", "Dossiers closed with a sealed package"),
            new Headline("dossiers", "submittedOnTimePct", "Hồ sơ nộp lưu đúng hạn", "Dossiers submitted to the archive on time"));

    private static Font serif;

    private FiguresChart() {}

    static BufferedImage render(FiguresService.Report report, int width, int height) {
        return render(report, width, height, SCALE, false);
    }

    /** The chart drawn on {@code width} × {@code height} points, rendered at {@code scale} pixels a point. */
    static BufferedImage render(FiguresService.Report report, int width, int height, int scale, boolean english) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (FiguresService.Row row : report.rows()) {
            if (row.unit() != null && report.request().unit() == null) {
                continue;   // the chart is the agency's (or the one unit asked for)
            }
            Map<String, Object> view = row.view();
            for (Headline h : HEADLINES) {
                Object section = view.get(h.section());
                Object v = section instanceof Map<?, ?> m ? m.get(h.key()) : null;
                data.addValue(v instanceof Number n ? n : 0, english ? h.english() : h.label(),
                        english ? englishPeriod(row.period()) : FiguresPdf.periodLabel(row.period()));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(
                english ? "Electronic processing rates by period (%)" : "Tỷ lệ xử lý điện tử theo kỳ (%)", null, "%", data,
                PlotOrientation.VERTICAL, true, false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setRange(0, 100);
        plot.setRangeGridlinePaint(Color.GRAY);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setShadowVisible(false);
        bars.setItemMargin(0.05);
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.scale(scale, scale);
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        return image;
    }

    /** "2026-Q4" → "Q4 2026"; "2026" → "2026". */
    static String englishPeriod(String period) {
        int q = period.indexOf("-Q");
        return q < 0 ? period : period.substring(q + 1) + " " + period.substring(0, q);
    }

    private static StandardChartTheme theme() {
        Font f = font();
        StandardChartTheme theme = new StandardChartTheme("vanthu");
        theme.setExtraLargeFont(f.deriveFont(Font.BOLD, 13f));
        theme.setLargeFont(f.deriveFont(11f));
        theme.setRegularFont(f.deriveFont(9f));
        theme.setSmallFont(f.deriveFont(8f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }

    /** Liberation Serif, read once from the build (the font the PDF embeds), so every Vietnamese letter draws. */
    private static synchronized Font font() {
        if (serif == null) {
            try (InputStream in = FiguresChart.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
                if (in == null) {
                    throw new IllegalStateException("The font fonts/LiberationSerif-Regular.ttf is missing from the build");
                }
                serif = Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("The chart font cannot be read", e);
            }
        }
        return serif;
    }
}
