package vn.vanthu.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.vanthu.support.Databases;
import vn.vanthu.support.OutsideTools;
import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the backup scripts and the backup endpoint refuse: a damaged archive, an archive of the other kind of
 * database, and (on PostgreSQL, which pg_dump backs up) the H2 copy. A refused restore writes nothing.
 */
class BackupRefusalsTest {
    private static Path archive;

    @BeforeAll
    static void backUpAFreshService() throws IOException {
        OutsideTools.require("curl");
        archive = Files.createTempDirectory("vanthu-backups").resolve("fresh.tar");
        try (TestServer s = TestServer.start(Databases.Kind.H2)) {
            var backup = BackupScripts.backup(BackupScripts.settingsOf(s), archive);
            assertEquals(0, backup.exitCode(), backup.toString());
        }
    }

    @Test
    void an_archive_whose_database_no_longer_matches_its_manifest_is_refused_and_nothing_is_written() throws IOException {
        Path parts = Files.createTempDirectory("vanthu-parts");
        assertEquals(0, OutsideTools.run(parts, "tar", "-xf", archive.toString()).exitCode());
        Files.write(parts.resolve("database.zip"), new byte[] {0}, StandardOpenOption.APPEND);
        Path damaged = parts.resolveSibling(parts.getFileName() + ".tar");
        assertEquals(0, OutsideTools.run(parts, "tar", "-cf", damaged.toString(), "manifest.json", "database.zip",
                "demo-tokens.json").exitCode());

        Path target = Files.createTempDirectory("vanthu-restored");
        var restore = BackupScripts.restore(BackupScripts.settingsOf(target, Databases.fresh(Databases.Kind.H2, target)), damaged);
        assertNotEquals(0, restore.exitCode(), restore.toString());
        assertTrue(restore.output().contains("database.zip does not match its SHA-256"), restore.toString());
        try (var files = Files.list(target)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void an_h2_backup_is_not_restored_into_postgresql() throws IOException {
        Path target = Files.createTempDirectory("vanthu-restored");
        var restore = BackupScripts.restore(BackupScripts.settingsOf(target, Databases.fresh(Databases.Kind.POSTGRES, target)), archive);
        assertNotEquals(0, restore.exitCode(), restore.toString());
        assertTrue(restore.output().contains("the backup is of h2"), restore.toString());
    }

    @Test
    void on_postgresql_the_backup_endpoint_answers_409_and_names_pg_dump() {
        try (TestServer s = TestServer.start(Databases.Kind.POSTGRES)) {
            TestServer.Response r = s.postJson("/api/v1/admin/backup", "admin", "{}");
            assertEquals(409, r.status(), r.text());
            assertEquals("BACKUP_WITH_PG_DUMP", r.errorCode());
        }
    }
}
