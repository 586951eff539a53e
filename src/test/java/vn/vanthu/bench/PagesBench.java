package vn.vanthu.bench;

import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * {@code scripts/bench.sh pages}: the registers and the dossier list under load. {@link RegisterData} writes
 * 100,000 outgoing and 100,000 incoming documents of 2025 (and {@link FiguresData} 3,000 dossiers) into a fresh H2
 * and a fresh (embedded) PostgreSQL database; then USERS clients (8) at once, each signed in as the clerk with its
 * bearer token, ask for random pages of each list, REQUESTS each (25); p50, p95 and the slowest per list, and the
 * CPU time a request took (this JVM, where H2 and the service run, plus PostgreSQL's processes), after a round of
 * {@value #WARM_UP} pages per client of every list not counted (and on PostgreSQL a {@code VACUUM ANALYZE}, as
 * autovacuum does after a bulk load), so that neither the JIT nor H2's tidying of the file it has just written falls
 * on whichever list comes first. Meanwhile
 * a writer changes a row of each table the lists read every 50 ms, as clerks registering documents do, so that H2
 * cannot answer a repeated query from its last result.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/bench.classpath) vn.vanthu.bench.PagesBench [out in dossiers users requests [H2|POSTGRES]]</pre>
 */
public final class PagesBench {
    private static final long GOAL_MS = 300;
    private static final int WARM_UP = 5;

    private PagesBench() {}

    public static void main(String[] args) throws Exception {
        int outgoing = arg(args, 0, 100_000);
        int incoming = arg(args, 1, 100_000);
        int dossiers = arg(args, 2, 3_000);
        int users = arg(args, 3, 8);
        int requests = arg(args, 4, 25);
        List<Databases.Kind> kinds = args.length > 5 ? List.of(Databases.Kind.valueOf(args[5])) : List.of(Databases.Kind.values());
        String search = URLEncoder.encode("chuyển đổi số", StandardCharsets.UTF_8);
        int outPages = Math.max(1, outgoing / 200);
        int inPages = Math.max(1, incoming * 9 / 10 / 200);
        Map<String, IntFunction<String>> lists = new java.util.LinkedHashMap<>();
        lists.put("outgoing register page", r -> "/registers/outgoing?year=2025&page=" + (1 + r % outPages));
        lists.put("outgoing register page, search", r -> "/registers/outgoing?year=2025&q=" + search + "&page=" + (1 + r % Math.max(1, outPages / 10)));
        lists.put("incoming register page", r -> "/registers/incoming?year=2025&page=" + (1 + r % inPages));
        lists.put("incoming register page, search", r -> "/registers/incoming?year=2025&q=" + URLEncoder.encode("sở y tế", StandardCharsets.UTF_8));
        lists.put("outgoing register API (200 rows)", r -> "/api/v1/registers/outgoing?year=2025&limit=200&cursor=" + (r % outPages) * 200);
        lists.put("incoming register API (200 rows)", r -> "/api/v1/registers/incoming?year=2025&limit=200&cursor=" + (r % inPages) * 200);
        lists.put("dossier list page", r -> "/dossiers?year=2025&page=" + (1 + r % Math.max(1, dossiers / 200)));
        lists.put("dossier list API", r -> "/api/v1/dossiers?year=2025&limit=50");
        for (Databases.Kind kind : kinds) {
            Path dir = Files.createTempDirectory("vanthu-pages-bench");
            Databases.Target db = kind == Databases.Kind.H2
                    ? new Databases.Target(kind, "jdbc:h2:file:" + dir.resolve("vanthu") + ";DB_CLOSE_ON_EXIT=FALSE", "", "")
                    : Databases.fresh(kind, dir);
            try (TestServer s = TestServer.start(dir, db, Map.of());
                 Connection c = s.database().connect()) {
                long t0 = System.nanoTime();
                RegisterData.insert(c, 2025, outgoing, incoming, 0);
                FiguresData.insert(c, 2025, 0, 0, dossiers, 0);
                if (kind == Databases.Kind.POSTGRES) {   // as autovacuum does after a bulk load (PostgreSQL 13+)
                    try (Statement st = c.createStatement()) {
                        st.execute("VACUUM ANALYZE");
                    }
                }
                System.out.printf("%s: %,d outgoing, %,d incoming, %,d dossiers written in %d ms%n", kind, outgoing,
                        incoming, dossiers, (System.nanoTime() - t0) / 1_000_000);
                for (var e : lists.entrySet()) {   // not counted: the JIT, the caches, H2 tidying its new file
                    requests(s, e.getValue(), users, WARM_UP, 1_000);
                }
                for (var e : lists.entrySet()) {
                    run(s, c, kind, e.getKey(), e.getValue(), users, requests);
                }
            } finally {
                try (var files = Files.walk(dir)) {   // the databases take hundreds of MB
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    private static void run(TestServer s, Connection c, Databases.Kind kind, String name, IntFunction<String> path,
                            int users, int requests) throws Exception {
        for (int i = 0; i < 3; i++) {
            check(s.get(path.apply(i * 7919), "clerk"), path.apply(i * 7919));
        }
        String load0 = load();
        long cpu0 = cpuNanos(c, kind);
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> writer = pool.submit(() -> write(c, done));
        long t0 = System.nanoTime();
        List<Long> all = requests(s, path, users, requests, 0);
        long wall = (System.nanoTime() - t0) / 1_000_000;
        long cpu = (cpuNanos(c, kind) - cpu0) / 1_000_000 / all.size();
        done.set(true);
        writer.get();
        pool.shutdown();
        Collections.sort(all);
        long p95 = all.get((int) Math.ceil(all.size() * 0.95) - 1);
        System.out.printf("%s: %-34s p50 %4d ms  p95 %4d ms  slowest %4d ms  CPU %3d ms/request  (%d users × %d "
                        + "requests, %.0f req/s; load average %s → %s) %s%n", kind, name, all.get(all.size() / 2), p95,
                all.get(all.size() - 1), cpu, users, requests, all.size() * 1000.0 / wall, load0, load(),
                p95 <= GOAL_MS ? "ok" : "OVER 300 ms");
    }

    /** {@code users} clients at once, {@code requests} random pages each; the milliseconds each took. */
    private static List<Long> requests(TestServer s, IntFunction<String> path, int users, int requests, int seed)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<List<Long>>> clients = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                Random rnd = new Random(seed + u);
                clients.add(pool.submit(() -> {
                    List<Long> ms = new ArrayList<>();
                    for (int i = 0; i < requests; i++) {
                        String p = path.apply(rnd.nextInt(1_000_000));
                        long t = System.nanoTime();
                        check(s.get(p, "clerk"), p);
                        ms.add((System.nanoTime() - t) / 1_000_000);
                    }
                    return ms;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : clients) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private static Void write(Connection c, AtomicBoolean done) throws Exception {
        try (Statement st = c.createStatement()) {
            while (!done.get()) {
                st.executeUpdate("UPDATE dispatches SET subject = subject WHERE id = 'reg-d-1'");
                st.executeUpdate("UPDATE incoming SET subject = subject WHERE id = 'reg-i-1'");
                st.executeUpdate("UPDATE dossiers SET title = title WHERE id = 'bench-h-1'");
                st.executeUpdate("UPDATE register_counts SET registered = registered WHERE number_year = 2025");
                Thread.sleep(50);
            }
        }
        return null;
    }

    private static void check(TestServer.Response r, String path) {
        if (r.status() != 200) {
            throw new IllegalStateException(path + " answered " + r.status() + ": " + r.text());
        }
    }

    /**
     * The CPU time used so far by this JVM (the service and its clients: H2 runs here too) and, on PostgreSQL, by
     * the server's processes: what a request costs whatever else the machine runs meanwhile.
     */
    private static long cpuNanos(Connection c, Databases.Kind kind) throws Exception {
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        if (kind != Databases.Kind.POSTGRES) {
            return jvm;
        }
        String dataDir;
        try (Statement st = c.createStatement(); var rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            dataDir = rs.getString(1);
        }
        long postmaster = Long.parseLong(Files.readAllLines(Path.of(dataDir, "postmaster.pid")).get(0).strip());
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                String[] f;
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                } catch (java.io.IOException gone) {
                    continue;
                }
                long pid = Long.parseLong(proc.getFileName().toString());
                if (pid == postmaster || Long.parseLong(f[1]) == postmaster) {   // after ")": state, ppid, … utime (12), stime (13)
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        }
        return jvm + ticks * 10_000_000L;   // USER_HZ is 100 on Linux
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }
}
