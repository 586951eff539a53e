package vn.vanthu.validation;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.vanthu.validation.Validate.post;

/** Files whose shape would cost unbounded work are refused up front with a 4xx, quickly, and the service stays up. */
class BoundedValidationTest {
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static TestServer server;

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

    TestServer.Response send(String name, byte[] file, String... fields) {
        long started = System.nanoTime();
        TestServer.Response r = post(server, "official", name, file, fields);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertTrue(ms < 10_000, name + " took " + ms + " ms");
        return r;
    }

    private static String signature(String transforms, int references) {
        StringBuilder x = new StringBuilder("<ds:Signature xmlns:ds=\"" + DS + "\"><ds:SignedInfo>");
        for (int i = 0; i < references; i++) {
            x.append("<ds:Reference URI=\"\"><ds:Transforms>").append(transforms).append("</ds:Transforms>")
                    .append("<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>")
                    .append("<ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>");
        }
        return x.append("</ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>").toString();
    }

    @Test
    void an_xpath_filter_transform_is_422_unsupported_transform() {
        String xpath = "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">"
                + "<ds:XPath>count(//. | //@* | //namespace::*) &gt; 0</ds:XPath></ds:Transform>";
        String xml = "<doc>" + "<p>text</p>".repeat(5_000) + signature(xpath, 1) + "</doc>";
        TestServer.Response r = send("xpath.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, r.status(), r.text());
        assertEquals("UNSUPPORTED_TRANSFORM", r.errorCode());
    }

    @Test
    void an_xpath2_filter_other_than_the_enveloped_form_is_422_unsupported_transform() {
        String xpath2 = "<ds:Transform Algorithm=\"http://www.w3.org/2002/06/xmldsig-filter2\">"
                + "<f:XPath xmlns:f=\"http://www.w3.org/2002/06/xmldsig-filter2\" Filter=\"intersect\">//. | //@*</f:XPath></ds:Transform>";
        TestServer.Response r = send("xpath2.xml", ("<doc>" + signature(xpath2, 1) + "</doc>").getBytes(StandardCharsets.UTF_8));
        assertEquals(422, r.status(), r.text());
        assertEquals("UNSUPPORTED_TRANSFORM", r.errorCode());
    }

    @Test
    void five_thousand_references_in_one_signature_are_422_too_complex() {
        TestServer.Response r = send("refs.xml", ("<doc>" + signature("", 5_000) + "</doc>").getBytes(StandardCharsets.UTF_8));
        assertEquals(422, r.status(), r.text());
        assertEquals("TOO_COMPLEX", r.errorCode());
    }

    @Test
    void xml_nested_ten_thousand_levels_is_422_too_complex() {
        String xml = "<a>".repeat(10_000) + signature("", 1) + "</a>".repeat(10_000);
        TestServer.Response r = send("deep.xml", xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(422, r.status(), r.text());
        assertEquals("TOO_COMPLEX", r.errorCode());
    }

    @Test
    void a_cms_signature_nested_fifty_thousand_levels_is_422_too_complex() {
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        der.writeBytes(new byte[] {0x30, (byte) 0x80, 0x06, 0x09, 0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x07, 0x02,
            (byte) 0xA0, (byte) 0x80});
        for (int i = 0; i < 50_000; i++) {
            der.writeBytes(new byte[] {0x30, (byte) 0x80});
        }
        der.writeBytes(new byte[50_000 * 2 + 4]);
        TestServer.Response r = send("deep.p7s", der.toByteArray());
        assertEquals(422, r.status(), r.text());
        assertEquals("TOO_COMPLEX", r.errorCode());
    }

    @Test
    void a_package_whose_entries_share_their_data_is_refused_before_hashing_it_again() {
        byte[] zeros = new byte[4 * 1024 * 1024];
        byte[] zip = new HostileZips().file("METS.xml", "<mets/>".getBytes(StandardCharsets.UTF_8))
                .file("META-INF/signatures.xml", ("<doc>" + signature("", 1) + "</doc>").getBytes(StandardCharsets.UTF_8))
                .file("representations/rep1/data/zeros.bin", zeros).alias("representations/rep1/data/zeros.bin", 1_000).bytes();
        assertTrue(zip.length < 300_000, "small upload: " + zip.length);
        TestServer.Response r = send("overlap.zip", zip);
        assertEquals(422, r.status(), r.text());
        assertEquals("ARCHIVE_REFUSED", r.errorCode());
    }

    @Test
    void a_package_seal_naming_an_invalid_uri_is_422() {
        String seal = "<ds:Signature xmlns:ds=\"" + DS + "\"><ds:SignedInfo><ds:Reference URI=\"%zz\">"
                + "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/><ds:DigestValue>AAAA</ds:DigestValue>"
                + "</ds:Reference></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>";
        byte[] zip = new HostileZips().file("METS.xml", "<mets/>".getBytes(StandardCharsets.UTF_8))
                .file("META-INF/signatures.xml", seal.getBytes(StandardCharsets.UTF_8)).bytes();
        TestServer.Response r = send("bad-uri.zip", zip);
        assertEquals(422, r.status(), r.text());
        assertEquals("ARCHIVE_REFUSED", r.errorCode());
    }

    @Test
    void a_validation_time_beyond_the_year_9999_is_400() {
        TestServer.Response r = send("a.xml", ("<doc>" + signature("", 1) + "</doc>").getBytes(StandardCharsets.UTF_8),
                "validationTime", "+999999999-12-31T23:59:59Z");
        assertEquals(400, r.status(), r.text());
        assertEquals("INVALID_VALIDATION_TIME", r.errorCode());
    }
}
