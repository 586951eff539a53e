package vn.vanthu.validation;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.validation.Validate.post;

/** Hostile files get a clear 4xx or a normal report, in bounded time, and the service stays up. */
class HostileInputTest {
    static TestServer server;
    long started;

    @BeforeAll
    static void start() {
        server = TestServer.start(Databases.Kind.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void service_is_still_up() {
        assertEquals(200, server.get("/health", null).status());
    }

    TestServer.Response send(String name, byte[] file) {
        started = System.nanoTime();
        TestServer.Response r = post(server, "official", name, file);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertTrue(ms < 60_000, name + " took " + ms + " ms");
        assertTrue(r.status() == 200 || (r.status() >= 400 && r.status() < 500), r.status() + " " + r.text());
        return r;
    }

    @Test
    void random_bytes_are_422_unsupported_document() {
        byte[] noise = new byte[1 << 20];
        new java.util.Random(1).nextBytes(noise);
        noise[0] = '%';
        TestServer.Response r = send("noise.pdf", noise);
        assertEquals(422, r.status());
        assertEquals("UNSUPPORTED_DOCUMENT", r.errorCode());
    }

    @Test
    void a_truncated_signed_pdf_is_answered_as_a_report_or_422() {
        byte[] signed = SignedFiles.pades(SignedFiles.pdf(3), "official1", SignatureLevel.PAdES_BASELINE_B, new Date());
        TestServer.Response r = send("truncated.pdf", Arrays.copyOf(signed, signed.length / 2));
        if (r.status() == 200) {
            assertTrue(r.json().path("validSignaturesCount").asInt() == 0, r.text());
        } else {
            assertEquals("UNSUPPORTED_DOCUMENT", r.errorCode());
        }
    }

    @Test
    void billion_laughs_xml_is_refused_before_parsing() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            x.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">\n");
        }
        x.append("]>\n<lolz>&lol9;</lolz>");
        TestServer.Response r = send("lol.xml", x.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(422, r.status());
        assertEquals("DOCTYPE_NOT_ALLOWED", r.errorCode());
    }

    @Test
    void xxe_reading_a_local_file_is_refused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        TestServer.Response r = send("xxe.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, r.status());
        assertEquals("DOCTYPE_NOT_ALLOWED", r.errorCode());
        assertTrue(!r.text().contains("root:"), r.text());
    }

    @Test
    void a_zip_bomb_posing_as_asic_e_is_refused_at_the_expansion_limit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            mimetype(z);
            z.putNextEntry(new ZipEntry("zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++) {
                z.write(zeros);
            }
            z.closeEntry();
            z.putNextEntry(new ZipEntry("META-INF/signatures.xml"));
            z.write("<x/>".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        assertTrue(out.size() < 2_000_000, "the bomb itself is small: " + out.size());
        TestServer.Response r = send("bomb.asice", out.toByteArray());
        assertEquals(422, r.status());
        assertEquals("ARCHIVE_TOO_LARGE", r.errorCode());
    }

    @Test
    void a_container_with_thousands_of_entries_is_refused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            mimetype(z);
            for (int i = 0; i < 5_000; i++) {
                z.putNextEntry(new ZipEntry("f" + i + ".txt"));
                z.closeEntry();
            }
        }
        TestServer.Response r = send("many.asice", out.toByteArray());
        assertEquals(422, r.status());
        assertEquals("ARCHIVE_TOO_LARGE", r.errorCode());
    }

    @Test
    void xml_with_ten_thousand_signatures_is_refused() {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?><root xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">");
        for (int i = 0; i < 10_000; i++) {
            x.append("<ds:Signature Id=\"s").append(i).append("\"><ds:SignedInfo/><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>");
        }
        x.append("</root>");
        TestServer.Response r = send("many-signatures.xml", x.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(422, r.status());
        assertEquals("TOO_MANY_SIGNATURES", r.errorCode());
    }

    @Test
    void a_signed_five_thousand_page_pdf_gets_a_normal_report() {
        byte[] signed = SignedFiles.pades(SignedFiles.pdf(5_000), "official1", SignatureLevel.PAdES_BASELINE_B, new Date());
        TestServer.Response r = send("5000-pages.pdf", signed);
        assertEquals(200, r.status(), r.text());
        assertEquals("TOTAL_PASSED", r.json().path("signatures").path(0).path("indication").asText(), r.text());
    }

    private static void mimetype(ZipOutputStream z) throws Exception {
        byte[] type = "application/vnd.etsi.asic-e+zip".getBytes(StandardCharsets.US_ASCII);
        ZipEntry e = new ZipEntry("mimetype");
        e.setMethod(ZipEntry.STORED);
        e.setSize(type.length);
        CRC32 crc = new CRC32();
        crc.update(type);
        e.setCrc(crc.getValue());
        z.putNextEntry(e);
        z.write(type);
        z.closeEntry();
    }
}
