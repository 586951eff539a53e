package vn.vanthu.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every storage behaviour, on H2 and on a real PostgreSQL. */
class DocumentStorageTest {

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_stored_document_comes_back_byte_for_byte_by_its_sha256(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            byte[] data = randomBytes(2_500_000);   // ten chunks
            var up = s.postMultipart("/api/v1/documents", "clerk",
                    new Multipart().file("file", "scan.pdf", "application/pdf", data));
            assertEquals(201, up.status(), up.text());
            String sha = Hashes.sha256Hex(data);
            assertEquals(sha, up.json().path("sha256").asText());
            assertEquals(data.length, up.json().path("size").asLong());

            var down = s.get("/api/v1/documents/" + sha, "auditor");
            assertEquals(200, down.status());
            assertEquals("application/pdf", down.header("Content-Type"));
            assertArrayEquals(data, down.body());

            var again = s.postMultipart("/api/v1/documents", "official",
                    new Multipart().file("file", "copy.pdf", "application/pdf", data));
            assertEquals(201, again.status());
            long rows = s.app().database().jdbi().withHandle(h ->
                    h.createQuery("SELECT COUNT(*) FROM documents").mapTo(Long.class).one());
            assertEquals(1, rows, "the same bytes are stored once");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_document_whose_bytes_changed_in_storage_is_reported_as_corrupted_and_never_served(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            byte[] data = randomBytes(300_000);
            String sha = s.postMultipart("/api/v1/documents", "clerk",
                    new Multipart().file("file", "a.bin", "application/octet-stream", data)).json().path("sha256").asText();
            byte[] tampered = data.clone();
            tampered[1000] ^= 1;
            s.app().database().jdbi().useHandle(h -> h.createUpdate("UPDATE document_chunks SET data = :d WHERE sha256 = :s")
                    .bind("d", tampered).bind("s", sha).execute());

            var r = s.get("/api/v1/documents/" + sha, "auditor");
            assertEquals(500, r.status());
            assertEquals("STORED_DOCUMENT_CORRUPTED", r.errorCode());
            assertFalse(r.text().length() > 1000, "no document bytes in the answer");
        }
    }

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void a_write_that_fails_midway_leaves_nothing_visible(Databases.Kind kind) {
        try (TestServer s = TestServer.start(kind)) {
            DocumentStore store = new DocumentStore(s.app().database(), java.time.Clock.systemUTC());
            InputStream failing = new InputStream() {
                int sent;

                @Override
                public int read() throws IOException {
                    if (sent++ > 1_500_000) {
                        throw new IOException("client went away");
                    }
                    return 7;
                }
            };
            assertThrows(RuntimeException.class, () -> store.put(failing, "application/pdf"));

            // A failure inside the transaction (here: a chunk that cannot be inserted) rolls back the metadata too.
            byte[] data = randomBytes(2_200_000);
            String sha = Hashes.sha256Hex(data);
            s.app().database().jdbi().useHandle(h -> h.execute(
                    "INSERT INTO documents (sha256, size, media_type, created_at) VALUES ('blocker', 0, 'x', CURRENT_TIMESTAMP)"));
            assertThrows(RuntimeException.class, () -> s.app().database().jdbi().useTransaction(h -> {
                h.createUpdate("INSERT INTO documents (sha256, size, media_type, created_at) VALUES (:s, 1, 'x', CURRENT_TIMESTAMP)")
                        .bind("s", sha).execute();
                h.createUpdate("INSERT INTO document_chunks (sha256, seq, data) VALUES ('missing-parent', 0, :d)")
                        .bind("d", Arrays.copyOf(data, 10)).execute();
            }));
            long rows = s.app().database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM documents WHERE sha256 <> 'blocker'").mapTo(Long.class).one());
            assertEquals(0, rows);
            assertFalse(store.find(sha).isPresent());
        }
    }

    @org.junit.jupiter.api.Test
    void an_upload_claiming_to_be_html_is_served_back_as_bytes_for_download_never_as_a_page() {
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            byte[] page = "<html><script>alert(document.cookie)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            String sha = s.postMultipart("/api/v1/documents", "clerk",
                    new Multipart().file("file", "x.html", "text/html", page)).json().path("sha256").asText();
            var down = s.get("/api/v1/documents/" + sha, "auditor");
            assertEquals(200, down.status());
            assertEquals("application/octet-stream", down.header("Content-Type"));
            assertEquals("nosniff", down.header("X-Content-Type-Options"));
            org.junit.jupiter.api.Assertions.assertTrue(down.header("Content-Disposition").startsWith("attachment"));
        }
    }
}
