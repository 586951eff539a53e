package vn.vanthu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SignaturePackaging;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.AbstractPdfObjFactory;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxDefaultObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.signature.resources.TempFileResourcesHandlerBuilder;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import eu.europa.esig.dss.xades.XAdESSignatureParameters;
import eu.europa.esig.dss.xades.signature.XAdESService;
import vn.vanthu.App;
import vn.vanthu.config.ConfigLoader;
import vn.vanthu.pki.DevPki;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import vn.vanthu.bench.SideBySide.Result;

import static vn.vanthu.bench.SideBySide.measure;
import static vn.vanthu.bench.SideBySide.row;
import static vn.vanthu.bench.SideBySide.sideBySide;

/**
 * Raw DSS in-process against {@code POST /api/v1/signatures} on an in-process vanthu, side by side in one run:
 * same key (official1), same documents, 2 client threads (as the signing benchmark has always measured). Prints a table. Run by {@code scripts/bench.sh signing}:
 * {@code java -cp target/vanthu.jar:target/test-classes vn.vanthu.bench.SigningBench [iterations]}; the 100 MB case
 * runs in a child JVM with -Xmx512m.
 */
public final class SigningBench {
    static final Path KEYS = Path.of(System.getProperty("vanthu.keystore", "keystore-samples"));
    /** Answers are handled on the client's selector thread: no hand-off to an executor thread per request. */
    static final HttpClient HTTP = HttpClient.newBuilder().executor(Runnable::run).build();

    private final Pkcs12SignatureToken token;
    private final DSSPrivateKeyEntry entry;
    private final CertificateVerifier verifier;
    private final String base;
    private final String bearer;
    private final DSSFileFont font;
    private final byte[] image;

    public SigningBench(App app, Path dataDir, DevPki pki) throws IOException {
        token = new Pkcs12SignatureToken(KEYS.resolve("official1.p12").toFile(), new KeyStore.PasswordProtection("123456".toCharArray()));
        entry = token.getKeys().get(0);
        verifier = vn.vanthu.support.DevTrust.verifier(pki);
        base = "http://127.0.0.1:" + app.port();
        bearer = "Bearer " + new ObjectMapper().readTree(dataDir.resolve("demo-tokens.json").toFile()).get("official").asText();
        try (InputStream in = SigningBench.class.getResourceAsStream("/fonts/LiberationSerif-Regular.ttf")) {
            font = new DSSFileFont(new InMemoryDocument(in.readAllBytes()));
        }
        image = Files.readAllBytes(KEYS.resolve("official1-signature.png"));
    }

    public static void main(String[] args) throws Exception {
        boolean big = args.length > 0 && args[0].equals("--big");
        int n = args.length > 0 && !big ? Integer.parseInt(args[0]) : 400;
        Path data = Files.createTempDirectory("vanthu-bench");
        DevPki pki = DevPki.load(KEYS);
        Map<String, String> env = Map.of("VANTHU_PROFILE", "dev", "VANTHU_PORT", "0", "VANTHU_HOST", "127.0.0.1", "VANTHU_DATA_DIR",
                data.toString(), "VANTHU_DEV_PKI_DIR", KEYS.toAbsolutePath().toString(), "VANTHU_MAX_UPLOAD_MB", "300");
        try (App app = App.create(ConfigLoader.load(env)).start()) {
            SigningBench bench = new SigningBench(app, data, pki);
            if (big) {
                bench.big();
            } else {
                bench.run(n);
            }
        }
        if (!big) {
            // The 100 MB case runs in its own JVM capped at 512 MB, however this benchmark was started.
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-cp", System.getProperty("java.class.path"), SigningBench.class.getName(), "--big")
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            int rc = child.waitFor();
            System.out.printf("%nTargets: service PAdES-B 1 MB >= 90%% of raw, XAdES-B 10 KB >= 80%% of raw (\"vs raw\" = throughput ratio).%n");
            System.exit(rc);
        }
        System.exit(0);
    }

    void run(int n) throws Exception {
        Path pdf1 = BenchDocs.pdf(1024 * 1024);
        byte[] pdf = Files.readAllBytes(pdf1);
        byte[] xml = BenchDocs.xml(10 * 1024);
        System.out.printf("SigningBench: %d threads, %d signatures per round (the first two cases: a warm-up round, then %d counted rounds alternating raw and service), key official1 (RSA-2048), heap max %d MB%n%n",
                SideBySide.THREADS, n, SideBySide.ROUNDS, Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("%-52s %10s %10s %8s%n", "case", "ops/s", "ms/op", "vs raw");
        var nativeF = new PdfBoxNativeObjectFactory();
        var defaultF = new PdfBoxDefaultObjectFactory();

        byte[] padesForm = multipart(pdf, "a.pdf", "PAdES", null);
        Result[] p = sideBySide(n, () -> pades(new InMemoryDocument(pdf, "a.pdf"), nativeF, false), () -> post(padesForm));
        row("PAdES-B 1 MB, raw DSS (native factory)", p[0], null);
        row("PAdES-B 1 MB, POST /api/v1/signatures", p[1], p[0]);
        byte[] xadesForm = multipart(xml, "a.xml", "XAdES", "ENVELOPED");
        Result[] x = sideBySide(n, () -> xades(new InMemoryDocument(xml, "a.xml")), () -> post(xadesForm));
        row("XAdES-B enveloped 10 KB, raw DSS", x[0], null);
        row("XAdES-B enveloped 10 KB, POST /api/v1/signatures", x[1], x[0]);

        Result ni = measure(n, () -> pades(new InMemoryDocument(pdf, "a.pdf"), nativeF, false));
        Result nv = measure(n, () -> pades(new InMemoryDocument(pdf, "a.pdf"), nativeF, true));
        Result di = measure(n, () -> pades(new InMemoryDocument(pdf, "a.pdf"), defaultF, false));
        Result dv = measure(n, () -> pades(new InMemoryDocument(pdf, "a.pdf"), defaultF, true));
        row("PAdES-B 1 MB invisible, PdfBoxNativeObjectFactory", ni, null);
        row("PAdES-B 1 MB visible,   PdfBoxNativeObjectFactory", nv, ni);
        row("PAdES-B 1 MB invisible, PdfBoxDefaultObjectFactory", di, ni);
        row("PAdES-B 1 MB visible,   PdfBoxDefaultObjectFactory", dv, ni);
        Files.deleteIfExists(pdf1);
    }

    /** 100 MB PDF under -Xmx512m: file-backed documents and DSS's PDF memory setting, raw and through HTTP. */
    void big() throws Exception {
        Path big = BenchDocs.pdf(100L * 1024 * 1024);
        AbstractPdfObjFactory large = new PdfBoxNativeObjectFactory();
        large.setPdfMemoryUsageSetting(PdfMemoryUsageSetting.mixed(4L * 1024 * 1024));
        large.setResourcesHandlerBuilder(new TempFileResourcesHandlerBuilder());
        long t0 = System.nanoTime();
        DSSDocument out = pades(new FileDocument(big.toFile()), large, false);
        double rawBig = (System.nanoTime() - t0) / 1e6;
        if (out instanceof FileDocument f) {
            Files.deleteIfExists(f.getFile().toPath());
        }
        t0 = System.nanoTime();
        int status = postFile(big);
        double svcBig = (System.nanoTime() - t0) / 1e6;
        Files.deleteIfExists(big);
        System.out.printf("%-52s %10s %10.0f%n", "PAdES-B 100 MB, raw DSS FileDocument + mixed memory", "-", rawBig);
        System.out.printf("%-52s %10s %10.0f %8s%n", "PAdES-B 100 MB, POST /api/v1/signatures (HTTP " + status + ")", "-", svcBig,
                String.format("%.0f%%", 100 * rawBig / svcBig));
        System.out.printf("(100 MB rows: ms per signature, JVM heap max %d MB)%n", Runtime.getRuntime().maxMemory() >> 20);
    }

    DSSDocument pades(DSSDocument doc, eu.europa.esig.dss.pdf.IPdfObjFactory factory, boolean visible) {
        PAdESService service = new PAdESService(verifier);
        service.setPdfObjFactory(factory);
        PAdESSignatureParameters p = new PAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(entry.getCertificate());
        p.setCertificateChain(entry.getCertificateChain());
        p.bLevel().setSigningDate(new Date());
        if (visible) {
            SignatureImageParameters ip = new SignatureImageParameters();
            SignatureFieldParameters field = new SignatureFieldParameters();
            field.setOriginX(330);
            field.setOriginY(640);
            field.setWidth(160);
            field.setHeight(70);
            ip.setFieldParameters(field);
            ip.setImage(new InMemoryDocument(image));
            SignatureImageTextParameters text = new SignatureImageTextParameters();
            text.setFont(font);
            text.setText("Ký bởi: Nguyễn Hữu Thắng");
            ip.setTextParameters(text);
            p.setImageParameters(ip);
        }
        ToBeSigned tbs = service.getDataToSign(doc, p);
        return service.signDocument(doc, p, token.sign(tbs, DigestAlgorithm.SHA256, entry));
    }

    DSSDocument xades(DSSDocument doc) {
        XAdESService service = new XAdESService(verifier);
        XAdESSignatureParameters p = new XAdESSignatureParameters();
        p.setSignatureLevel(SignatureLevel.XAdES_BASELINE_B);
        p.setSignaturePackaging(SignaturePackaging.ENVELOPED);
        p.setDigestAlgorithm(DigestAlgorithm.SHA256);
        p.setSigningCertificate(entry.getCertificate());
        p.setCertificateChain(entry.getCertificateChain());
        p.bLevel().setSigningDate(new Date());
        ToBeSigned tbs = service.getDataToSign(doc, p);
        return service.signDocument(doc, p, token.sign(tbs, DigestAlgorithm.SHA256, entry));
    }

    private static final String BOUNDARY = "vanthubenchboundary";

    public static byte[] multipart(byte[] file, String name, String format, String packaging) {
        StringBuilder head = new StringBuilder();
        field(head, "format", format);
        field(head, "level", "B");
        field(head, "keyId", "official1");
        field(head, "pin", "123456");
        if (packaging != null) {
            field(head, "packaging", packaging);
        }
        head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(name).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] t = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(h, h.length + file.length + t.length);
        System.arraycopy(file, 0, all, h.length, file.length);
        System.arraycopy(t, 0, all, h.length + file.length, t.length);
        return all;
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(name)
                .append("\"\r\n\r\n").append(value).append("\r\n");
    }

    public int post(byte[] body) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/signatures"))
                .header("Authorization", bearer).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.statusCode();
    }

    /** Streams a large file up and the signed file down, neither whole in memory. */
    int postFile(Path file) throws Exception {
        byte[] head = multipart(new byte[0], "big.pdf", "PAdES", null);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] prefix = Arrays.copyOf(head, head.length - tail.length);
        Path out = Files.createTempFile("vanthu-bench-signed", ".pdf");
        HttpResponse<Path> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/signatures"))
                .header("Authorization", bearer).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(prefix),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build(), HttpResponse.BodyHandlers.ofFile(out));
        long size = Files.size(out);
        Files.deleteIfExists(out);
        if (r.statusCode() != 200 || size < Files.size(file)) {
            throw new IllegalStateException("100 MB signing: HTTP " + r.statusCode());
        }
        return r.statusCode();
    }
}
