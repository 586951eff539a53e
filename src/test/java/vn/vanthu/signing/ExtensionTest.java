package vn.vanthu.signing;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.vanthu.signing.SigningFixtures.*;

/** POST /api/v1/signatures/extend augments B signatures step by step to T, LT and LTA. */
class ExtensionTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1} goes B → T → LT → LTA")
    @CsvSource({"PAdES, ENVELOPED", "XAdES, ENVELOPED", "XAdES, DETACHED", "CAdES, ENVELOPING", "CAdES, DETACHED", "ASiC-E, DETACHED"})
    void a_b_signature_is_augmented_level_by_level(String format, String packaging) {
        boolean pdf = format.equals("PAdES");
        byte[] data = pdf ? pdf() : xml();
        String name = pdf ? "cv.pdf" : "cv.xml";
        Multipart form = form(format, "B", name, pdf ? "application/pdf" : "application/xml", data)
                .field("keyId", "official1").field("pin", "123456");
        if (!pdf && !format.equals("ASiC-E")) {
            form.field("packaging", packaging);
        }
        TestServer.Response signed = server.postMultipart("/api/v1/signatures", "official", form);
        assertEquals(200, signed.status(), signed.text());
        boolean detached = packaging.equals("DETACHED") && !format.equals("ASiC-E");
        List<DSSDocument> originals = detached ? List.of(new InMemoryDocument(data, name)) : List.of();
        String prefix = format.equals("ASiC-E") ? "XAdES" : format;
        byte[] current = signed.body();
        for (String level : List.of("T", "LT", "LTA")) {
            Multipart ext = new Multipart().file("file", "signed", "application/octet-stream", current).field("level", level);
            if (detached) {
                ext.file("original", name, "application/xml", data);
            }
            TestServer.Response r = server.postMultipart("/api/v1/signatures/extend", "official", ext);
            assertEquals(200, r.status(), level + ": " + r.text());
            current = r.body();
            assertAllPassed(validate(current, originals, !level.startsWith("LT")), prefix + "-BASELINE-" + level);
        }
        if (pdf) {
            assertPdfsigValid(current, 1);
        }
    }

    @Test
    void extending_a_file_without_signatures_gives_422() {
        Multipart ext = new Multipart().file("file", "cv.pdf", "application/pdf", pdf()).field("level", "T");
        TestServer.Response r = server.postMultipart("/api/v1/signatures/extend", "official", ext);
        assertEquals(422, r.status(), r.text());
    }

    @Test
    void extending_to_level_b_gives_400() {
        Multipart ext = new Multipart().file("file", "cv.pdf", "application/pdf", pdf()).field("level", "B");
        assertEquals(400, server.postMultipart("/api/v1/signatures/extend", "official", ext).status());
    }
}
