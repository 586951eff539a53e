package vn.vanthu.store;

import java.nio.file.Path;

/**
 * An online copy of the embedded H2 database, taken inside the service. The service holds the H2 file open
 * (H2's file lock lets no second process in), so an outside tool cannot copy it while it runs; H2's
 * {@code BACKUP TO} statement, run on one of the service's own connections, writes a consistent ZIP of the
 * database file while requests go on. PostgreSQL is backed up from outside with {@code pg_dump} instead.
 *
 * <pre>{@code
 * Path zip = new H2Backup(db).toTempFile();   // the caller streams it, then deletes it
 * }</pre>
 */
public final class H2Backup {
    private final Database db;

    public H2Backup(Database db) {
        this.db = db;
    }

    /** False on PostgreSQL, whose backups pg_dump takes. */
    public boolean available() {
        return !db.isPostgres();
    }

    /** Writes the backup ZIP to a private temporary file and returns it; the caller deletes it. */
    public Path toTempFile() {
        if (!available()) {
            throw new IllegalStateException("BACKUP TO is H2's; back up PostgreSQL with pg_dump");
        }
        Path zip = TempFiles.create("h2-backup");
        try {
            // BACKUP TO takes a literal file name, not a parameter; the name is ours (a temporary file), quoted anyway.
            String literal = "'" + zip.toAbsolutePath().toString().replace("'", "''") + "'";
            db.jdbi().useHandle(h -> h.execute("BACKUP TO " + literal));
            return zip;
        } catch (RuntimeException e) {
            TempFiles.delete(zip);
            throw e;
        }
    }
}
