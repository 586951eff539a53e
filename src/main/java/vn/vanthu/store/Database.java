package vn.vanthu.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import vn.vanthu.config.AppConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one database of an instance: a connection pool, the migrations (run on open, same SQL on H2 and
 * PostgreSQL) and a shared {@link Jdbi}. Several instances may open the same PostgreSQL at once: Flyway
 * takes a lock while migrating.
 *
 * DAOs run their work through {@link #inTransaction} so that SQL states become domain errors in one place
 * ({@link SqlStates}).
 *
 * <pre>{@code
 * try (Database db = Database.open(config.storage())) {
 *     db.inTransaction(() -> ApiException.conflict("USER_EXISTS", "…"), h -> h.createUpdate("INSERT …").execute());
 * }
 * }</pre>
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.postgres = postgres;
    }

    public static Database open(AppConfig.Storage storage) {
        if (!storage.isPostgres()) {
            createDataDir(storage.dataDir());
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(storage.dbUrl());
        if (!storage.dbUser().isEmpty()) {
            hc.setUsername(storage.dbUser());
        }
        if (!storage.dbPassword().isEmpty()) {
            hc.setPassword(storage.dbPassword());
        }
        hc.setMaximumPoolSize(storage.poolSize());
        hc.setMinimumIdle(1);
        hc.setPoolName("vanthu-db");
        HikariDataSource ds = new HikariDataSource(hc);
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            return new Database(ds, storage.isPostgres());
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
    }

    private static void createDataDir(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create the data folder " + dir, e);
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** One unit of work; any SQL failure goes through {@link SqlStates#translate} (a duplicate stays an error). */
    public <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        return inTransaction(null, work);
    }

    /** One unit of work in which a unique violation means {@code onDuplicate} (e.g. a 409 USER_EXISTS). */
    public <R> R inTransaction(java.util.function.Supplier<? extends RuntimeException> onDuplicate,
                               HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (RuntimeException e) {
            throw SqlStates.translate(e, onDuplicate);
        }
    }

    /** {@link #inTransaction(HandleCallback)} for work that answers nothing. */
    public void useTransaction(HandleConsumer<RuntimeException> work) {
        inTransaction(null, h -> {
            work.useHandle(h);
            return null;
        });
    }

    /** Reads (or a single statement) on a short-lived handle, failures translated as in a transaction. */
    public <R> R withHandle(HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (RuntimeException e) {
            throw SqlStates.translate(e, null);
        }
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** True when a connection answers a trivial query within a second. */
    public boolean isUsable() {
        try (var c = dataSource.getConnection()) {
            return c.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
