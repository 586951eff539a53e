package vn.vanthu.documents;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Draws a {@link PageMarks}' rectangles (a red frame over a light tint, the label inside) and note on a rendered page. */
final class PageDrawing {
    private static final Color FRAME = new Color(200, 30, 30);
    private static final Color TINT = new Color(200, 30, 30, 40);
    private static final Color NOTE = new Color(255, 240, 200);

    private PageDrawing() {}

    static void draw(BufferedImage image, PageMarks marks, float scale) {
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            for (PageMarks.Mark m : marks.marks()) {
                int x = Math.round(m.x() * scale), y = Math.round(m.y() * scale);
                int w = Math.max(2, Math.round(m.width() * scale)), h = Math.max(2, Math.round(m.height() * scale));
                g.setColor(TINT);
                g.fillRect(x, y, w, h);
                g.setColor(FRAME);
                g.setStroke(new BasicStroke(2f));
                g.drawRect(x, y, w, h);
                g.setClip(x, y, w, h);
                g.drawString(m.label(), x + 3, y + Math.min(h - 3, g.getFontMetrics().getAscent() + 2));
                g.setClip(null);
            }
            if (marks.note() != null) {
                int h = g.getFontMetrics().getHeight() + 6;
                g.setColor(NOTE);
                g.fillRect(0, 0, image.getWidth(), h);
                g.setColor(FRAME);
                g.drawString(marks.note(), 4, h - 6);
            }
        } finally {
            g.dispose();
        }
    }
}
