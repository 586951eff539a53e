package vn.vanthu.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A PostgreSQL server for benchmarks that run several service instances on one database
 * (scripts/bench.sh dispatch2): the embedded binaries the tests use, data in {@code DIR}, any free port.
 * Prints one line {@code VANTHU_DB_URL=… VANTHU_DB_USER=… VANTHU_DB_PASSWORD=} once it accepts connections,
 * then runs until stopped; SIGTERM stops the server cleanly.
 *
 * <pre>java -cp target/test-classes:$(cat target/bench.classpath) vn.vanthu.bench.BenchPostgres DIR</pre>
 */
public final class BenchPostgres {
    private BenchPostgres() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false)
                .setServerConfig("max_connections", "100").start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("Stopping PostgreSQL: " + e);
            } finally {
                stopped.countDown();
            }
        }));
        System.out.println("VANTHU_DB_URL=" + pg.getJdbcUrl("postgres", "postgres") + " VANTHU_DB_USER=postgres VANTHU_DB_PASSWORD=");
        System.out.flush();
        stopped.await();
    }
}
