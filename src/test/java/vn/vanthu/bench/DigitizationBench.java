package vn.vanthu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import vn.vanthu.digitization.Digitize;
import vn.vanthu.digitization.Scans;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scripts/bench.sh digitization}: the service's digitization of a PAGES-page scan at 300 dpi (the sample
 * dispatch's pages rendered by pdftoppm, turned by 1° and speckled, as JPEG pages of one PDF, as a scanner sends
 * them) from {@code POST /api/v1/digitizations} to its job DONE, against {@code ocrmypdf} alone with the service's
 * options on the same file, alternating, ROUNDS pairs. CPU seconds on each side, which hardly depend on what else
 * the machine runs: of the OCR processes this JVM waited for (OCRmyPDF, Tesseract, Ghostscript), and of this JVM
 * itself (on the service's side the upload, checks, assembly and storing, and this client's polling of the job
 * every 500 ms; on both sides whatever the idle service does meanwhile).
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/bench.classpath) vn.vanthu.bench.DigitizationBench [pages rounds]</pre>
 */
public final class DigitizationBench {
    private static final long TICK_NS = 1_000_000_000L / 100;   // USER_HZ, 100 on Linux

    private DigitizationBench() {}

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Files.createTempDirectory("vanthu-digitization-bench");
        Path scan = scan(dir.resolve("scan.pdf"), pages);
        System.out.printf("scan: %d pages at 300 dpi, %,d bytes (JPEG pages in a PDF)%n", pages, Files.size(scan));
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            double[] service = new double[3];
            double[] plain = new double[3];
            for (int r = 0; r < rounds; r++) {
                double[] p = timed(() -> plain(scan, dir));
                double[] v = timed(() -> service(s, scan, pages));
                System.out.printf("round %d: ocrmypdf alone %s; service %s; load %s%n", r + 1, show(p), show(v), load());
                for (int i = 0; i < 3; i++) {
                    plain[i] += p[i];
                    service[i] += v[i];
                }
            }
            System.out.printf("digitization of %d pages, mean of %d: service %.1f s vs ocrmypdf alone %.1f s: %.2f× wall; "
                    + "CPU %.1f vs %.1f s: %.2f× (goal <= 1.2×)%n", pages, rounds, service[0] / rounds, plain[0] / rounds,
                    service[0] / plain[0], (service[1] + service[2]) / rounds, (plain[1] + plain[2]) / rounds,
                    (service[1] + service[2]) / (plain[1] + plain[2]));
        }
    }

    /** The service's options (OcrRunner), the same 120 s page limit, on the same file. */
    private static void plain(Path scan, Path dir) throws Exception {
        Path out = dir.resolve("plain.pdf");
        Process p = new ProcessBuilder("ocrmypdf", "-v", "1", "-l", "vie", "--output-type", "pdfa-2",
                "--pdfa-image-compression", "lossless", "--optimize", "0", "--skip-text", "--jobs", "1",
                "--tesseract-timeout", "120", "--sidecar", dir.resolve("plain.txt").toString(), scan.toString(),
                out.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("plain.log").toFile()).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ocrmypdf failed: " + Files.readString(dir.resolve("plain.log")));
        }
    }

    private static void service(TestServer s, Path scan, int pages) throws Exception {
        TestServer.Response r = Digitize.submit(s, Digitize.metadata(pages),
                new Digitize.Scan("scan.pdf", "application/pdf", Files.readAllBytes(scan)));
        if (r.status() != 202) {
            throw new IllegalStateException("digitization answered " + r.status() + ": " + r.text());
        }
        JsonNode job = Digitize.awaitJob(s, r.json().path("jobId").asText(), Duration.ofMinutes(30));
        if (!"DONE".equals(job.path("state").asText())) {
            throw new IllegalStateException("digitization job: " + job);
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    /** Wall seconds, CPU seconds of the children this process waited for, and of this process itself. */
    private static double[] timed(Work w) throws Exception {
        long[] cpu = cpuTicks();
        long t = System.nanoTime();
        w.run();
        long[] after = cpuTicks();
        return new double[] {(System.nanoTime() - t) / 1e9, (after[0] - cpu[0]) * TICK_NS / 1e9,
                (after[1] - cpu[1]) * TICK_NS / 1e9};
    }

    private static String show(double[] m) {
        return String.format("%.1f s, CPU %.1f s (OCR processes %.1f, JVM %.1f)", m[0], m[1] + m[2], m[1], m[2]);
    }

    /** Clock ticks of the waited-for children (cutime + cstime) and of this process (utime + stime). */
    private static long[] cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[13]) + Long.parseLong(f[14]), Long.parseLong(f[11]) + Long.parseLong(f[12])};
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** An A4 PDF of {@code pages} JPEG scans at 300 dpi, the sample's two pages in turn. */
    private static Path scan(Path file, int pages) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < Math.min(pages, 2); i++) {
            images.add(Scans.samplePage(i + 1, 300, 1.0, i));
        }
        try (PDDocument doc = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                PDImageXObject image = JPEGFactory.createFromImage(doc, images.get(i % images.size()), 0.9f, 300);
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(image, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }
}
