package vn.vanthu.store;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.OutsideTools;
import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/backup.sh and scripts/restore.sh, run as separate processes the way an operator runs them: a service
 * with data in every table is backed up while it serves, the archive is restored into an empty data folder and
 * database, and a new service started there gives back every document by SHA-256, the dispatch's number, the
 * dossier's sealed package and an intact audit chain of the same length. A second restore into the now full
 * target is refused.
 */
class BackupRestoreTest {

    @Test
    void an_h2_backup_taken_while_serving_restores_everything_into_an_empty_folder_and_never_over_data() throws IOException {
        OutsideTools.require("curl");
        Path dir = Files.createTempDirectory("vanthu-restored");
        // Another database name than the source's: the restored file takes the target's name.
        roundTrip(Databases.Kind.H2, dir,
                new Databases.Target(Databases.Kind.H2, "jdbc:h2:file:" + dir.resolve("restored") + ";DB_CLOSE_ON_EXIT=FALSE", "", ""));
    }

    @Test
    void a_postgresql_backup_taken_while_serving_restores_everything_into_an_empty_database_and_never_over_data() throws IOException {
        OutsideTools.require("pg_dump", "postgresql-client");
        Path dir = Files.createTempDirectory("vanthu-restored");
        roundTrip(Databases.Kind.POSTGRES, dir, Databases.fresh(Databases.Kind.POSTGRES, dir));
    }

    private static void roundTrip(Databases.Kind kind, Path restoredDir, Databases.Target restoredDb) throws IOException {
        Path archive = Files.createTempDirectory("vanthu-backups").resolve("backup.tar");
        BackupData.Seeded seeded;
        List<String> documents;
        int events;
        try (TestServer source = TestServer.start(kind, Map.of("VANTHU_AGENCY_HEADS", "official",
                "VANTHU_EXCHANGE_POLL_MILLIS", "100"))) {
            seeded = BackupData.fill(source);
            documents = source.app().database().jdbi().withHandle(h ->
                    h.createQuery("SELECT sha256 FROM documents ORDER BY sha256").mapTo(String.class).list());
            events = verified(source);

            var backup = BackupScripts.backup(BackupScripts.settingsOf(source), archive);
            assertEquals(0, backup.exitCode(), backup.toString());
            assertTrue(source.get("/health", null).status() == 200, "the service keeps serving");
        }
        JsonNode manifest = manifest(archive);
        assertEquals(kind == Databases.Kind.H2 ? "h2" : "postgresql", manifest.path("database").asText());
        assertTrue(manifest.path("tables").size() >= 22, manifest.toString());
        assertEquals(List.of(), emptyTables(manifest.path("tables")), "every table has rows but number_reservations");
        assertEquals(events, manifest.path("tables").path("audit_events").asInt());
        assertEquals(events, manifest.path("audit").path("lastSeq").asInt());

        Map<String, String> target = BackupScripts.settingsOf(restoredDir, restoredDb);
        var restore = BackupScripts.restore(target, archive);
        assertEquals(0, restore.exitCode(), restore.toString());
        try (TestServer restored = TestServer.start(restoredDir, restoredDb, Map.of())) {
            assertEquals(events, verified(restored));   // the chain as backed up, before any read adds its event
            for (String sha : documents) {
                TestServer.Response doc = restored.get("/api/v1/documents/" + sha, "auditor");
                assertEquals(200, doc.status(), sha + ": " + doc.text());
                assertEquals(sha, Hashes.sha256Hex(doc.body()));
            }
            assertEquals(seeded.number(), restored.get("/api/v1/dispatches/" + seeded.dispatchId(), "clerk")
                    .json().path("number").asText());
            TestServer.Response pkg = restored.get("/api/v1/dossiers/" + seeded.dossierId() + "/package", "auditor");
            assertEquals(200, pkg.status(), pkg.text());
            assertEquals(seeded.packageSha256(), Hashes.sha256Hex(pkg.body()));
            assertEquals("hung", restored.get("/api/v1/users/me", seeded.userToken()).json().path("login").asText());

            // The restored chain goes on: a new event links to the restored head.
            int before = verified(restored);
            TestServer.Response upload = restored.postMultipart("/api/v1/documents", "clerk",
                    new Multipart().file("file", "after.txt", "text/plain", "after the restore".getBytes()));
            assertEquals(201, upload.status(), upload.text());
            assertEquals(before + 1, verified(restored));
        }

        var again = BackupScripts.restore(target, archive);
        assertNotEquals(0, again.exitCode(), again.toString());
        assertTrue(again.output().contains("not empty"), again.toString());
    }

    /** The audit chain's length, after checking that it is intact. */
    private static int verified(TestServer s) {
        JsonNode v = s.get("/api/v1/audit/verify", "auditor").json();
        assertTrue(v.path("intact").asBoolean(), v.toString());
        return v.path("events").asInt();
    }

    private static JsonNode manifest(Path archive) throws IOException {
        Path dir = Files.createTempDirectory("vanthu-manifest");
        var tar = OutsideTools.run(dir, "tar", "-xf", archive.toString(), "manifest.json");
        assertEquals(0, tar.exitCode(), tar.toString());
        return TestServer.JSON.readTree(dir.resolve("manifest.json").toFile());
    }

    private static List<String> emptyTables(JsonNode tables) {
        List<String> empty = new ArrayList<>();
        tables.fields().forEachRemaining(t -> {
            if (t.getValue().asLong() == 0 && !t.getKey().equals("number_reservations")) {
                empty.add(t.getKey());
            }
        });
        return empty;
    }
}
