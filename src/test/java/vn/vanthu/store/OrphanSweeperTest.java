package vn.vanthu.store;

import vn.vanthu.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stored bytes that nothing references go an hour after they were last stored; referenced or young ones stay. */
class OrphanSweeperTest {

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void an_unreferenced_upload_older_than_an_hour_is_swept_and_referenced_or_young_ones_stay(Databases.Kind kind) {
        TestClock clock = TestClock.starting(Instant.parse("2026-11-26T02:00:00Z"));
        try (TestServer s = TestServer.start(kind, Map.of(), clock)) {
            String old = upload(s, "never used");
            String draft = DispatchFixtures.create(s, "CV", DispatchPdf.congVan("PHÓ GIÁM ĐỐC", "Nguyễn Hữu Thắng"))
                    .json().path("sha256").asText();
            String storedAgain = upload(s, "stored again later");
            clock.advance(Duration.ofMinutes(50));
            upload(s, "stored again later");   // touched: its hour starts again
            clock.advance(Duration.ofMinutes(11));
            String young = upload(s, "just uploaded");

            var sweeper = new OrphanSweeper(s.app().database(), new DocumentStore(s.app().database(), clock), clock);
            assertEquals(1, sweeper.sweep());

            assertEquals(404, s.get("/api/v1/documents/" + old, "clerk").status());
            assertEquals(200, s.get("/api/v1/documents/" + draft, "clerk").status(), "the dispatch draft references it");
            assertEquals(200, s.get("/api/v1/documents/" + storedAgain, "clerk").status());
            assertEquals(200, s.get("/api/v1/documents/" + young, "clerk").status());
            assertEquals(0, sweeper.sweep());
            long chunks = s.app().database().withHandle(h -> h.createQuery(
                    "SELECT COUNT(*) FROM document_chunks WHERE sha256 = :s").bind("s", old).mapTo(Long.class).one());
            assertEquals(0, chunks, "no chunk outlives its document");
        }
    }

    @Test
    void every_column_of_the_migrations_that_holds_a_document_hash_is_a_reference_the_sweeper_checks() throws IOException {
        Pattern column = Pattern.compile("(?i)^\\s*(?:ALTER TABLE (\\w+) ADD COLUMN )?(\\w*sha256\\w*|package_manifest|documents)\\s+VARCHAR");
        Pattern table = Pattern.compile("(?i)CREATE TABLE (\\w+)");
        TreeSet<String> found = new TreeSet<>();
        List<Path> migrations;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.sorted().toList();
        }
        for (Path f : migrations) {
            String current = null;
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                Matcher t = table.matcher(line);
                if (t.find()) {
                    current = t.group(1).toLowerCase();
                }
                Matcher c = column.matcher(line);
                if (c.find()) {
                    found.add((c.group(1) != null ? c.group(1) : current).toLowerCase() + "." + c.group(2).toLowerCase());
                }
            }
        }
        found.removeAll(List.of("documents.sha256", "document_chunks.sha256"));   // the store itself
        found.removeAll(OrphanSweeper.OWNED);   // deleted with the bytes they name
        TreeSet<String> checked = new TreeSet<>(OrphanSweeper.REFERENCES);
        checked.addAll(OrphanSweeper.JSON_REFERENCES);
        assertEquals(checked, found, "a new column naming documents must join OrphanSweeper.REFERENCES");
    }

    private static String upload(TestServer s, String text) {
        var r = s.postMultipart("/api/v1/documents", "clerk",
                new Multipart().file("file", "f.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(201, r.status(), r.text());
        return r.json().path("sha256").asText();
    }
}
