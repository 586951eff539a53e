package vn.vanthu.dispatch;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.digitization.Digitize;
import vn.vanthu.digitization.Scans;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sao y (and a trích sao) of a paper original digitized by the agency: the digitization is the copy's source. */
class DigitizedCopyTest {
    private static TestServer s;
    private static String digitizationId;

    @BeforeAll
    static void digitizeAPaperOriginal() throws Exception {
        Digitize.requireOcr();
        s = TestServer.start(Databases.Kind.H2);
        TestServer.Response r = Digitize.submit(s, Digitize.metadata(1),
                new Digitize.Scan("ban-goc.png", "image/png", Scans.png(Scans.blank(210, 297, 200, true), 200)));
        assertEquals(202, r.status(), r.text());
        digitizationId = r.json().path("digitizationId").asText();
        var job = Digitize.awaitJob(s, r.json().path("jobId").asText(), Duration.ofMinutes(3));
        assertEquals("DONE", job.path("state").asText(), job.toString());
    }

    @AfterAll
    static void stop() {
        if (s != null) {
            s.close();
        }
    }

    private static TestServer.Response copy(Multipart m) {
        return s.postMultipart("/api/v1/copies", "clerk", m.field("keyId", "seal").field("pin", DispatchFixtures.PIN));
    }

    @Test
    void a_sao_y_of_a_digitized_paper_original_is_sealed_top_right() throws Exception {
        TestServer.Response r = copy(new Multipart().field("digitizationId", digitizationId).field("form", "SY"));
        assertEquals(201, r.status(), r.text());
        assertTrue(r.header("X-Copy-Number").matches("\\d{2,}/SY-SKHCN"), r.header("X-Copy-Number"));
        assertEquals(List.of("TOTAL_PASSED"), DispatchFixtures.dssIndications(r.body()));
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            assertTrue(doc.getSignatureDictionaries().get(0).getReason().startsWith("SAO Y"));
        }
        TestServer.Response sl = copy(new Multipart().field("copyNumber", r.header("X-Copy-Number")).field("form", "SL"));
        assertEquals(201, sl.status(), "a sao lục of that sao y: " + sl.text());
        TestServer.Response extract = copy(new Multipart().field("digitizationId", digitizationId).field("form", "TrS").field("pages", "1"));
        assertEquals(201, extract.status(), extract.text());
    }

    @Test
    void a_digitization_that_does_not_exist_or_a_second_source_is_refused() {
        assertEquals(404, copy(new Multipart().field("digitizationId", "00000000-0000-0000-0000-000000000000").field("form", "SY")).status());
        TestServer.Response odd = copy(new Multipart().field("digitizationId", "../../etc").field("form", "SY"));
        assertEquals(400, odd.status(), odd.text());
        assertEquals("INVALID_DIGITIZATION_ID", odd.errorCode());
        TestServer.Response two = copy(new Multipart().field("digitizationId", digitizationId).field("copyNumber", "01/SY-SKHCN")
                .field("form", "SL"));
        assertEquals(400, two.status(), two.text());
        assertEquals("SOURCE_REQUIRED", two.errorCode());
    }
}
