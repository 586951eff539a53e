import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Draws the development signature and seal images (transparent PNG) for keystore-samples/.
 * FOR TESTS AND DEMOS ONLY. Run: {@code java -Djava.awt.headless=true scripts/DevPkiImages.java <outdir> [agency]}.
 * Drawing is seeded per file name so that a regeneration gives the same pictures.
 */
public class DevPkiImages {
    static final Color INK_BLUE = new Color(0x14, 0x3C, 0xB4);
    static final Color SEAL_RED = new Color(0xD7, 0x1A, 0x21);

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        if (args.length < 1) {
            System.err.println("usage: DevPkiImages <outdir> [agency name]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        String agency = args.length > 1 ? args[1] : "Sở Khoa học và Công nghệ tỉnh Thái Bình";
        signature(out.resolve("official1-signature.png"), 11L);
        signature(out.resolve("official2-signature.png"), 23L);
        signature(out.resolve("generic-signature.png"), 37L);
        seal(out.resolve("seal.png"), agency);
    }

    /** A few connected cursive loops and a flourish underneath: looks hand-made at document scale. */
    static void signature(Path file, long seed) throws IOException {
        int w = 300, h = 120;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(img);
        Random rnd = new Random(seed);
        g.setColor(INK_BLUE);
        g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D.Double p = new Path2D.Double();
        // A tall capital-like loop first, then lower-case loops of varying height and width, as a hand does.
        double x = 20, y = 78;
        p.moveTo(x, y);
        p.curveTo(x + 10, 10, x + 44, 6, x + 30, 40);
        p.curveTo(x + 20, 62, x - 4, 58, x + 22, 52);
        x += 30;
        int loops = 4 + rnd.nextInt(3);
        for (int i = 0; i < loops; i++) {
            double dx = 20 + rnd.nextDouble() * 22;
            boolean tall = rnd.nextInt(3) == 0;
            double top = tall ? 14 + rnd.nextDouble() * 12 : 44 + rnd.nextDouble() * 12;
            double bottom = 74 + rnd.nextDouble() * 12;
            p.curveTo(x + dx * 0.8, top, x - dx * 0.1, top - 6, x + dx * 0.4, bottom);
            x += dx;
            p.curveTo(x - dx * 0.2, bottom + 4, x - 2, 62 + rnd.nextDouble() * 8, x + 6, 60 + rnd.nextDouble() * 6);
        }
        p.curveTo(x + 16, 50, x + 26, 40, x + 34, 30 + rnd.nextDouble() * 10);
        g.draw(p);
        Path2D.Double flourish = new Path2D.Double();
        flourish.moveTo(14, 96);
        flourish.curveTo(90, 82 + rnd.nextDouble() * 8, 190, 112, 286, 86);
        g.setStroke(new BasicStroke(2.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(flourish);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    /** Round agency seal: two rings, the agency name around the rim, a five-pointed star in the centre. */
    static void seal(Path file, String agency) throws IOException {
        int size = 300;
        double c = size / 2.0;
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = smooth(img);
        g.setColor(SEAL_RED);
        g.setStroke(new BasicStroke(7f));
        g.draw(new java.awt.geom.Ellipse2D.Double(c - 142, c - 142, 284, 284));
        g.setStroke(new BasicStroke(3f));
        g.draw(new java.awt.geom.Ellipse2D.Double(c - 100, c - 100, 200, 200));

        String rim = Normalizer.normalize(agency.toUpperCase(new Locale("vi", "VN")), Normalizer.Form.NFC);
        Font font = new Font("DejaVu Sans", Font.BOLD, 19);
        g.setFont(font);
        FontRenderContext frc = g.getFontRenderContext();
        double radius = 112; // baseline radius, between the two rings
        // Spread the text over most of the circle, starting at the bottom-left and running clockwise.
        double totalWidth = font.getStringBounds(rim, frc).getWidth();
        double sweep = Math.min(2 * Math.PI * 0.88, totalWidth / radius * 1.05);
        double scale = sweep / (totalWidth / radius);
        double angle = -Math.PI / 2 - sweep / 2;
        for (int i = 0; i < rim.length(); ) {
            int cp = rim.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            double cw = font.getStringBounds(ch, frc).getWidth() * scale;
            double mid = angle + cw / radius / 2;
            AffineTransform saved = g.getTransform();
            g.translate(c + radius * Math.cos(mid), c + radius * Math.sin(mid));
            g.rotate(mid + Math.PI / 2);
            g.drawString(ch, (float) (-font.getStringBounds(ch, frc).getWidth() / 2), 0f);
            g.setTransform(saved);
            angle += cw / radius;
            i += Character.charCount(cp);
        }
        g.fill(star(c, c - 8, 46, 18));
        Font small = new Font("DejaVu Sans", Font.BOLD, 16);
        g.setFont(small);
        String label = "VĂN PHÒNG";
        g.drawString(label, (float) (c - small.getStringBounds(label, frc).getWidth() / 2), (float) (c + 62));
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    static Path2D star(double cx, double cy, double outer, double inner) {
        Path2D.Double s = new Path2D.Double();
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner;
            double a = -Math.PI / 2 + i * Math.PI / 5;
            if (i == 0) s.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
            else s.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
        }
        s.closePath();
        return s;
    }

    static Graphics2D smooth(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }
}
