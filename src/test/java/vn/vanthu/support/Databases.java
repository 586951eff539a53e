package vn.vanthu.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The databases every storage test runs on: a fresh H2 file database, and a fresh database on one real
 * PostgreSQL server that this test run starts itself (embedded binaries from Maven Central), so
 * {@code mvn verify} needs no database installed.
 */
public final class Databases {
    public enum Kind { H2, POSTGRES }

    /** Where a test database lives: JDBC URL, user, password. */
    public record Target(Kind kind, String url, String user, String password) {
        /** A JDBC connection of its own to this database (the test closes it). */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Databases() {}

    public static Target fresh(Kind kind, Path dataDir) {
        return switch (kind) {
            case H2 -> new Target(kind, "jdbc:h2:file:" + dataDir.resolve("vanthu-test") + ";DB_CLOSE_ON_EXIT=FALSE", "", "");
            case POSTGRES -> freshPostgres();
        };
    }

    private static synchronized Target freshPostgres() {
        try {
            if (postgres == null) {
                Path dir = Files.createTempDirectory("vanthu-pg");
                postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
            }
            String name = "vanthu_test_" + COUNTER.incrementAndGet();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return new Target(Kind.POSTGRES, postgres.getJdbcUrl("postgres", name), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
