package vn.vanthu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import vn.vanthu.App;
import vn.vanthu.config.ConfigLoader;
import vn.vanthu.validation.SignedFiles;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Validation speed over HTTP on an in-process vanthu versus raw DSS in the same JVM, then 64 concurrent clients.
 * Run by scripts/bench.sh: {@code java -cp target/vanthu.jar:target/test-classes vn.vanthu.bench.ValidationBench [seconds]}
 * (concurrency phase duration, default 120). Prints a table; exits 1 when a target is missed.
 */
public final class ValidationBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final int WARMUP = 8;
    private static final int RUNS = 25;

    private record Case(String name, String file, byte[] bytes, double limitMs, boolean relative) {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path data = Files.createTempDirectory("vanthu-bench");
        App app = App.create(ConfigLoader.load(Map.of("VANTHU_PROFILE", "dev", "VANTHU_PORT", "0", "VANTHU_HOST", "127.0.0.1",
                "VANTHU_DATA_DIR", data.toString(), "VANTHU_DEV_PKI_DIR", SignedFiles.SAMPLES.toString(),
                "VANTHU_MAX_UPLOAD_MB", "20"))).start();
        String token = JSON.readTree(data.resolve("demo-tokens.json").toFile()).path("auditor").asText();
        String url = "http://127.0.0.1:" + app.port() + "/api/v1/validations";
        boolean ok = true;
        try {
            byte[] lt = BenchFiles.padesLt1Mb();
            byte[] text = BenchFiles.textPdf100Kb();
            byte[] xml = BenchFiles.xadesEnveloped1Mb();
            List<Case> cases = List.of(
                    new Case(String.format("PAdES-B-LT %d KB", lt.length / 1024), "lt.pdf", lt, 1.1, true),
                    new Case(String.format("text PDF %d KB, %d pages", text.length / 1024, BenchFiles.pages(text)), "text.pdf", text, 100, false),
                    new Case(String.format("XAdES enveloped %d KB", xml.length / 1024), "register.xml", xml, 200, false));
            System.out.printf("%nWall-clock medians (p50) of %d runs after %d warm-up runs; CPU = process CPU time per run%n"
                    + "(client + server), which a busy shared machine inflates far less than wall-clock time.%n", RUNS, WARMUP);
            System.out.printf("%-32s %11s %11s %11s %11s %7s %13s %s%n", "case", "raw p50", "raw CPU", "HTTP p50",
                    "HTTP CPU", "ratio", "target", "verdict");
            for (Case c : cases) {
                double[] raw = p50(() -> raw(c));
                double[] http = p50(() -> post(url, token, c.file(), c.bytes()));
                boolean pass = c.relative() ? http[0] <= raw[0] * c.limitMs() : http[0] <= c.limitMs();
                ok &= pass;
                System.out.printf("%-32s %8.1f ms %8.1f ms %8.1f ms %8.1f ms %6.2fx %13s %s%n", c.name(), raw[0], raw[1],
                        http[0], http[1], http[0] / raw[0],
                        c.relative() ? "<= 1.1x raw" : "<= " + (int) c.limitMs() + " ms", pass ? "PASS" : "MISS");
            }
            ok &= concurrent(url, token, cases, seconds);
        } finally {
            app.close();
        }
        System.exit(ok ? 0 : 1);
    }

    private static void raw(Case c) {
        SignedDocumentValidator v = SignedDocumentValidator.fromDocument(new InMemoryDocument(c.bytes(), c.file()));
        v.setCertificateVerifier(SignedFiles.trust().newVerifier());
        Reports r = v.validateDocument();
        if (r.getSimpleReport().getSignaturesCount() != 1) {
            throw new IllegalStateException("raw DSS found no signature in " + c.file());
        }
    }

    private interface Run { void run() throws Exception; }

    /** {wall-clock p50 ms, mean process CPU ms per run}. */
    private static double[] p50(Run run) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            run.run();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Double> times = new ArrayList<>();
        long cpu = os.getProcessCpuTime();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            run.run();
            times.add((System.nanoTime() - t) / 1e6);
        }
        double cpuPerRun = (os.getProcessCpuTime() - cpu) / 1e6 / RUNS;
        Collections.sort(times);
        return new double[] {times.get(times.size() / 2), cpuPerRun};
    }

    static void post(String url, String token, String name, byte[] file) throws Exception {
        String boundary = "----bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> r = HTTP.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        JsonNode report = JSON.readTree(r.body());
        if (report.path("signaturesCount").asInt() != 1) {
            throw new IllegalStateException("no signature found in " + name);
        }
    }

    private static boolean concurrent(String url, String token, List<Case> cases, int seconds) throws Exception {
        int clients = 64;
        AtomicLong done = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong peakHeap = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        var memory = ManagementFactory.getMemoryMXBean();
        Thread sampler = new Thread(() -> {
            while (System.nanoTime() < end) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            Case c = cases.get(i % cases.size());
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    try {
                        post(url, token, c.file(), c.bytes());
                        done.incrementAndGet();
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.out.println("error: " + e.getMessage());
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 300L, java.util.concurrent.TimeUnit.SECONDS);
        long maxHeap = Runtime.getRuntime().maxMemory();
        boolean pass = errors.get() == 0 && peakHeap.get() < 1024L * 1024 * 1024;
        System.out.printf("%-34s %d requests in %d s (%.1f/s), %d errors, peak heap used %d MB (max %d MB): %s%n",
                clients + " concurrent clients", done.get(), seconds, done.get() / (double) seconds, errors.get(),
                peakHeap.get() / (1024 * 1024), maxHeap / (1024 * 1024), pass ? "PASS" : "MISS");
        return pass;
    }
}
