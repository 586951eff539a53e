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
 * options on the same file, alternating, ROUNDS pairs. CPU seconds of this JVM and of every process it waited
 * for (OCRmyPDF, Tesseract, Ghostscript) on each side: they hardly depend on what else the machine runs.
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
            double[] service = new double[2];
            double[] plain = new double[2];
            for (int r = 0; r < rounds; r++) {
                double[] p = timed(() -> plain(scan, dir));
                double[] v = timed(() -> service(s, scan, pages));
                System.out.printf("round %d: ocrmypdf alone %.1f s (CPU %.1f s), service %.1f s (CPU %.1f s), load %s%n",
                        r + 1, p[0], p[1], v[0], v[1], load());
                for (int i = 0; i < 2; i++) {
                    plain[i] += p[i];
                    service[i] += v[i];
                }
            }
            System.out.printf("digitization of %d pages: service %.1f s vs ocrmypdf alone %.1f s: %.2f× wall; CPU %.1f vs %.1f s: %.2f× (goal <= 1.2×)%n",
                    pages, service[0] / rounds, plain[0] / rounds, service[0] / plain[0], service[1] / rounds,
                    plain[1] / rounds, service[1] / plain[1]);
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

    /** Wall seconds, and CPU seconds of this process and of the children it waited for. */
    private static double[] timed(Work w) throws Exception {
        long cpu = cpuTicks();
        long t = System.nanoTime();
        w.run();
        return new double[] {(System.nanoTime() - t) / 1e9, (cpuTicks() - cpu) * TICK_NS / 1e9};
    }

    private static long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
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
