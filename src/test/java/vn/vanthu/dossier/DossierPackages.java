package vn.vanthu.dossier;

import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.OutsideTools;
import vn.vanthu.support.TestServer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared steps of the dossier tests: open, file, close, and take packages apart (and put them back together). */
final class DossierPackages {
    static final String PIN = DispatchFixtures.PIN;

    private DossierPackages() {}

    static String open(TestServer s, String symbol) {
        String clerk = s.get("/api/v1/users/me", "clerk").json().path("id").asText();
        var r = s.postJson("/api/v1/dossiers", "clerk", Map.of("symbol", symbol, "title",
                "Hồ sơ về việc đôn đốc cải cách hành chính năm 2026", "retention", "10Y", "responsibleUserId", clerk));
        assertEquals(201, r.status(), r.text());
        return r.json().path("id").asText();
    }

    static TestServer.Response fileUpload(TestServer s, String dossierId, String name, byte[] bytes, String metadata) {
        Multipart form = new Multipart().file("file", name, "application/pdf", bytes);
        if (metadata != null) {
            form.field("metadata", metadata);
        }
        return s.postMultipart("/api/v1/dossiers/" + dossierId + "/documents", "clerk", form);
    }

    static byte[] scan(String title) {
        return DispatchPdf.appendix(title);
    }

    static TestServer.Response close(TestServer s, String dossierId) {
        return s.postJson("/api/v1/dossiers/" + dossierId + "/close", "clerk", Map.of("keyId", "seal", "pin", PIN));
    }

    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The package with its files changed by {@code edit} (a null value drops a file). */
    static byte[] rezip(byte[] zip, UnaryOperator<Map<String, byte[]>> edit) {
        Map<String, byte[]> files = edit.apply(new LinkedHashMap<>(unzip(zip)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                if (f.getValue() != null) {
                    out.putNextEntry(new ZipEntry(f.getKey()));
                    out.write(f.getValue());
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static TestServer.Response validate(TestServer s, String name, byte[] zip) {
        return s.postMultipart("/api/v1/validations", "auditor", new Multipart().file("file", name, "application/zip", zip));
    }

    /** Every file METS.xml lists with a SHA-256 checksum: its path in the package → the checksum. */
    static Map<String, String> metsChecksums(byte[] mets) {
        Matcher m = Pattern.compile("CHECKSUM=\"([0-9a-f]{64})\"[^>]*>\\s*<FLocat[^>]*xlink:href=\"([^\"]+)\"|xlink:href=\"([^\"]+)\"[^>]*CHECKSUM=\"([0-9a-f]{64})\"")
                .matcher(new String(mets, StandardCharsets.UTF_8));
        Map<String, String> out = new LinkedHashMap<>();
        while (m.find()) {
            out.put(m.group(2) != null ? m.group(2) : m.group(3), m.group(1) != null ? m.group(1) : m.group(4));
        }
        return out;
    }

    /**
     * The package checked with tools nobody here wrote, as docs/dossiers.md tells a reader to: xmlsec1 verifies the
     * seal (its references: METS.xml and the signed properties), then sha256sum checks every file METS.xml lists
     * against the checksum it gives. Answers how many files sha256sum checked.
     */
    static int checkWithOutsideTools(byte[] zip) throws IOException {
        OutsideTools.require("xmlsec1");
        Path dir = Files.createTempDirectory("package");
        Map<String, byte[]> files = unzip(zip);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        Files.copy(dir.resolve("META-INF/signatures.xml"), dir.resolve("seal.xml"));
        var xmlsec = OutsideTools.run(dir, "xmlsec1", "--verify", "--trusted-pem", Path.of("keystore-samples/root-ca.crt").toAbsolutePath().toString(),
                "--untrusted-pem", Path.of("keystore-samples/issuing-ca.crt").toAbsolutePath().toString(),
                "--id-attr:Id", "http://uri.etsi.org/01903/v1.3.2#:SignedProperties", "seal.xml");
        assertEquals(0, xmlsec.exitCode(), xmlsec.toString());
        assertTrue(xmlsec.output().contains("SignedInfo References (ok/all): 2/2"), xmlsec.toString());
        StringBuilder sums = new StringBuilder();
        Map<String, String> listed = metsChecksums(files.get("METS.xml"));
        listed.forEach((name, sum) -> sums.append(sum).append("  ").append(name).append('\n'));
        Files.writeString(dir.resolve("mets.sha256"), sums);
        var sha = OutsideTools.run(dir, "sha256sum", "--check", "--strict", "mets.sha256");
        assertEquals(0, sha.exitCode(), sha.toString());
        return listed.size();
    }
}
