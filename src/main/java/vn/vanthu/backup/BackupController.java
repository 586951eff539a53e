package vn.vanthu.backup;

import io.javalin.http.Context;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.H2Backup;
import vn.vanthu.store.TempFiles;
import vn.vanthu.web.AuditTags;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HTTP for online backups of the embedded H2 database: an administrator (in practice {@code scripts/backup.sh})
 * receives a consistent ZIP of the database while the service keeps running. On PostgreSQL the answer is 409:
 * {@code pg_dump} takes those backups from outside, with no help from the service.
 *
 * <pre>{@code curl -X POST -H "Authorization: Bearer $ADMIN" localhost:8080/api/v1/admin/backup -o db.zip}</pre>
 */
public final class BackupController {
    private final H2Backup backup;

    public BackupController(H2Backup backup) {
        this.backup = backup;
    }

    public void backup(Context ctx) throws Exception {
        if (!backup.available()) {
            throw ApiException.conflict("BACKUP_WITH_PG_DUMP",
                    "The database is PostgreSQL: back it up with pg_dump (scripts/backup.sh does)");
        }
        Path zip = backup.toTempFile();
        try {
            AuditTags.set(ctx, "DATABASE_BACKUP", "database", "H2 online backup, " + Files.size(zip) + " bytes");
            ctx.contentType("application/zip");
            ctx.header("Content-Disposition", "attachment; filename=\"vanthu-h2-backup.zip\"");
            Files.copy(zip, ctx.outputStream());
        } finally {
            TempFiles.delete(zip);
        }
    }
}
