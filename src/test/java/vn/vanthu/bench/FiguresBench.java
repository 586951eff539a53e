package vn.vanthu.bench;

import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code scripts/bench.sh figures}: a year of a large department ({@link FiguresData}: 20,000 outgoing, 60,000
 * incoming documents, 3,000 dossiers by default; args override) written into a fresh H2 and a fresh (embedded)
 * PostgreSQL database, then {@code GET /api/v1/figures?year=2025&period=quarter} timed: p50, p90 and the slowest
 * of RUNS calls after three warm-up calls; on H2 also how many of the figures' queries one call ran (H2's own
 * statistics), and one CSV and one sealed PDF call. Each timed call follows a write to every table it reads, so
 * neither database can answer from a cached result.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/bench.classpath) vn.vanthu.bench.FiguresBench [out in dossiers runs]</pre>
 */
public final class FiguresBench {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private FiguresBench() {}

    public static void main(String[] args) throws Exception {
        int outgoing = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int incoming = args.length > 1 ? Integer.parseInt(args[1]) : 60_000;
        int dossiers = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 21;
        List<Databases.Kind> kinds = args.length > 4 ? List.of(Databases.Kind.valueOf(args[4])) : List.of(Databases.Kind.values());
        for (Databases.Kind kind : kinds) {
            try (TestServer s = start(kind);
                 Connection c = s.database().connect()) {
                long t0 = System.nanoTime();
                FiguresData.insert(c, 2025, outgoing, incoming, dossiers, 0);
                if (kind == Databases.Kind.POSTGRES) {
                    try (Statement st = c.createStatement()) {
                        st.execute("VACUUM ANALYZE");   // as autovacuum leaves a year's rows: all visible
                    }
                }
                System.out.printf("%s: %,d outgoing, %,d incoming, %,d dossiers written in %d ms%n", kind, outgoing,
                        incoming, dossiers, (System.nanoTime() - t0) / 1_000_000);
                String path = "/api/v1/figures?year=2025&period=quarter";
                for (int i = 0; i < 3; i++) {
                    check(s.get(path, "auditor"));
                }
                if (kind == Databases.Kind.H2) {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET QUERY_STATISTICS TRUE");
                    }
                }
                long before = kind == Databases.Kind.H2 ? executions(c) : 0;
                List<Long> ms = new ArrayList<>();
                List<Long> cpu = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    touch(c);
                    long t = System.nanoTime();
                    long cpu0 = OS.getProcessCpuTime();
                    check(s.get(path, "auditor"));
                    cpu.add((OS.getProcessCpuTime() - cpu0) / 1_000_000);
                    ms.add((System.nanoTime() - t) / 1_000_000);
                }
                Collections.sort(ms);
                Collections.sort(cpu);
                System.out.printf("%s: figures JSON p50 %d ms, p90 %d ms, slowest %d ms (%d calls; goal p50 <= 1000 ms)%n",
                        kind, ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.9) - 1), ms.get(ms.size() - 1), runs);
                System.out.printf("%s: CPU of this JVM per call p50 %d ms (%s)%n", kind, cpu.get(cpu.size() / 2),
                        kind == Databases.Kind.H2 ? "service and database" : "service only; PostgreSQL's backends not counted");
                if (kind == Databases.Kind.H2) {
                    System.out.printf("H2: %d figures queries per call (%d calls, %d executions)%n",
                            (executions(c) - before) / runs, runs, executions(c) - before);
                    slowest(c);
                }
                long t = System.nanoTime();
                check(s.get(path + "&format=csv", "auditor"));
                long csv = (System.nanoTime() - t) / 1_000_000;
                t = System.nanoTime();
                check(s.get(path + "&format=pdf", "auditor"));
                System.out.printf("%s: one CSV %d ms, one sealed PDF %d ms%n", kind, csv, (System.nanoTime() - t) / 1_000_000);
            }
        }
    }

    /**
     * H2 as the service opens it by default (ConfigLoader's URL), with FIGURES_H2_SETTINGS appended (e.g.
     * {@code ;CACHE_SIZE=262144}); PostgreSQL: a fresh database on the embedded server.
     */
    private static TestServer start(Databases.Kind kind) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("vanthu-figures-bench");
        Databases.Target db = kind == Databases.Kind.H2
                ? new Databases.Target(kind, "jdbc:h2:file:" + dir.resolve("vanthu")
                        + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;WRITE_DELAY=0"
                        + System.getenv().getOrDefault("FIGURES_H2_SETTINGS", ""), "", "")
                : Databases.fresh(kind, dir);
        return TestServer.start(dir, db, java.util.Map.of());
    }

    private static void check(TestServer.Response r) {
        if (r.status() != 200) {
            throw new IllegalStateException("figures answered " + r.status() + ": " + r.text());
        }
    }

    /**
     * A write to every table the figures read, between two timed calls: H2 answers a repeated query from its last
     * result while none of its tables changed, which would time a cache instead of the query.
     */
    private static void touch(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE dispatches SET subject = subject WHERE id = 'bench-d-1'");
            st.executeUpdate("UPDATE incoming SET subject = subject WHERE id = 'bench-i-1'");
            st.executeUpdate("UPDATE dossiers SET title = title WHERE id = 'bench-h-1'");
            st.executeUpdate("UPDATE catalogue_rows SET title = title WHERE catalogue_year = 0");
            st.executeUpdate("UPDATE digitizations SET subject = subject WHERE id = ''");
            st.executeUpdate("UPDATE validations SET policy = policy WHERE id = ''");
        }
    }

    /** H2's average time and rows of each figures query, slowest first. */
    private static void slowest(Connection c) throws Exception {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT SQL_STATEMENT, AVERAGE_EXECUTION_TIME, AVERAGE_ROW_COUNT "
                     + "FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT LIKE '%AT TIME ZONE ''Asia/Ho_Chi_Minh''%' "
                     + "AND SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%' ORDER BY AVERAGE_EXECUTION_TIME DESC")) {
            while (rs.next()) {
                String sql = rs.getString(1);
                System.out.printf("  %6.0f ms %7.0f rows  %s%n", rs.getDouble(2), rs.getDouble(3),
                        sql.substring(sql.indexOf(" FROM ") + 1, Math.min(sql.length(), sql.indexOf(" FROM ") + 60)).replace('\n', ' '));
            }
        }
    }

    private static long executions(Connection c) throws Exception {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS "
                     + "WHERE SQL_STATEMENT LIKE '%AT TIME ZONE ''Asia/Ho_Chi_Minh''%' AND SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
