package vn.vanthu.dossier;

import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
