package vn.vanthu.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.vanthu.dispatch.DispatchFixtures;
import vn.vanthu.dispatch.DispatchPdf;
import vn.vanthu.exchange.Agencies;
import vn.vanthu.support.Databases;
import vn.vanthu.support.Multipart;
import vn.vanthu.support.TestServer;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code scripts/bench.sh exchange}: two instances (A sends, B receives; both on H2, in this JVM) linked as in the
 * exchange tests. (a) B receives a 1 MB signed dispatch of A as edXML through its inbox and registers it, against B
 * validating the same signed PDF alone, interleaved in one run (wall-clock time, and this JVM's CPU time, which
 * other processes' load disturbs less); (b) deliveries per second from A to B with
 * {@code exchange.in.flight} 1, 2, 4 and 8; (c) A's heap after a GC with 10,000 deliveries queued for a partner
 * that is down, before, after queueing and while the worker keeps retrying them.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat target/bench.classpath) vn.vanthu.bench.ExchangeBench [received delivered queued parts(abc)]</pre>
 */
public final class ExchangeBench {
    private static final int WARM_UP = 2;

    private ExchangeBench() {}

    public static void main(String[] args) throws Exception {
        int received = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int delivered = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int queued = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        String parts = args.length > 3 ? args[3] : "abc";
        System.out.printf("load average at start: %s%n", load());
        if (parts.contains("a")) {
            receiveVersusValidate(received);
        }
        for (int inFlight : parts.contains("b") ? new int[] {1, 2, 4, 8} : new int[0]) {
            deliveries(inFlight, delivered);
        }
        if (parts.contains("c")) {
            queuedMemory(queued);
        }
        System.out.printf("load average at end: %s%n", load());
        System.exit(0);
    }

    private static TestServer start(int inFlight) {
        return TestServer.start(Databases.Kind.H2, Map.of("VANTHU_EXCHANGE_POLL_MILLIS", "100",
                "VANTHU_EXCHANGE_IN_FLIGHT", String.valueOf(inFlight), "VANTHU_MAX_UPLOAD_MB", "16"));
    }

    private static TestServer startB() {
        return TestServer.start(Databases.Kind.H2, Map.of("VANTHU_EXCHANGE_POLL_MILLIS", "100",
                "VANTHU_ORGAN_ID", Agencies.B_ID, "VANTHU_AGENCY_NAME", Agencies.B_NAME, "VANTHU_MAX_UPLOAD_MB", "16"));
    }

    /** (a) Inbox + register of the edXML against POST /api/v1/validations of its PDF, one after the other each time. */
    private static void receiveVersusValidate(int n) throws Exception {
        try (TestServer a = start(8); TestServer b = startB()) {
            String token = Agencies.link(a, b);
            byte[] draft = oneMegabyteDraft();
            List<byte[]> pdfs = new ArrayList<>();
            List<byte[]> messages = new ArrayList<>();
            for (int i = 0; i < n + WARM_UP; i++) {
                String id = Agencies.signed(a, List.of(Agencies.B_ID), draft);
                Agencies.ok(DispatchFixtures.issue(a, id));
                pdfs.add(a.get("/api/v1/dispatches/" + id + "/file", "clerk").body());
                messages.add(a.get("/api/v1/dispatches/" + id + "/edxml", "clerk").body());
            }
            System.out.printf("(a) signed PDF %,d bytes, its edXML %,d bytes; %d pairs after %d not counted%n",
                    pdfs.get(0).length, messages.get(0).length, n, WARM_UP);
            long validate = 0;
            long receive = 0;
            long validateCpu = 0;
            long receiveCpu = 0;
            for (int i = 0; i < n + WARM_UP; i++) {
                long t = System.nanoTime();
                long c = cpu();
                TestServer.Response v = b.postMultipart("/api/v1/validations", "clerk", new Multipart()
                        .file("file", "cong-van.pdf", "application/pdf", pdfs.get(i)));
                long tv = System.nanoTime() - t;
                long cv = cpu() - c;
                check(v, "\"signatures\"");
                t = System.nanoTime();
                c = cpu();
                JsonNode in = Agencies.ok(Agencies.postXml(b, token, messages.get(i)));
                JsonNode reg = Agencies.ok(b.postJson("/api/v1/incoming/" + in.path("incomingId").asText() + "/register",
                        "clerk", Map.of()));
                long tr = System.nanoTime() - t;
                long cr = cpu() - c;
                if (!"REGISTERED".equals(reg.path("status").asText())) {
                    throw new IllegalStateException("not registered: " + reg);
                }
                if (i >= WARM_UP) {
                    validate += tv;
                    receive += tr;
                    validateCpu += cv;
                    receiveCpu += cr;
                }
            }
            System.out.printf("(a) validation alone: mean %d ms; inbox + register: mean %d ms; ratio %.2fx (goal <= 1.2x), load %s%n",
                    validate / n / 1_000_000, receive / n / 1_000_000, (double) receive / validate, load());
            System.out.printf("(a) CPU time of this JVM per operation: validation alone %d ms; inbox + register %d ms; ratio %.2fx%n",
                    validateCpu / n / 1_000_000, receiveCpu / n / 1_000_000, (double) receiveCpu / validateCpu);
        }
    }

    /** (b) {@code n} issued dispatches sent at once; the time until A counts every delivery acknowledged by B. */
    private static void deliveries(int inFlight, int n) throws Exception {
        try (TestServer a = start(inFlight); TestServer b = startB();
             Connection c = a.database().connect()) {
            Agencies.link(a, b);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(Agencies.issued(a, List.of(Agencies.B_ID)));
            }
            long t = System.nanoTime();
            for (String id : ids) {
                if (a.postJson("/api/v1/dispatches/" + id + "/send", "clerk", Map.of()).status() != 202) {
                    throw new IllegalStateException("send refused for " + id);
                }
            }
            while (count(c, "state = 'DELIVERED'") < n) {
                if (System.nanoTime() - t > 600_000_000_000L) {
                    throw new IllegalStateException("deliveries not done in 10 minutes");
                }
                Thread.sleep(20);
            }
            double s = (System.nanoTime() - t) / 1e9;
            System.out.printf("(b) exchange.in.flight %d: %d deliveries in %.1f s = %.2f deliveries/s, load %s%n",
                    inFlight, n, s, n / s, load());
        }
    }

    /** (c) Rows queued by SQL beside one sent through HTTP, for a partner whose inbox refuses connections. */
    private static void queuedMemory(int n) throws Exception {
        try (TestServer a = start(8);
             Connection c = a.database().connect()) {
            Agencies.created(a.postJson("/api/v1/organs", "admin", Map.of("organId", Agencies.B_ID, "name", Agencies.B_NAME,
                    "inboxUrl", "http://127.0.0.1:9/api/v1/exchange/inbox", "certificate", Agencies.SEAL, "anchor", Agencies.ROOT)));
            String id = Agencies.issued(a, List.of(Agencies.B_ID));
            if (a.postJson("/api/v1/dispatches/" + id + "/send", "clerk", Map.of()).status() != 202) {
                throw new IllegalStateException("send refused");
            }
            long before = heapAfterGc();
            String documentId;
            try (ResultSet rs = c.createStatement().executeQuery("SELECT document_id FROM exchange_outbox")) {
                rs.next();
                documentId = rs.getString(1);
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO exchange_outbox (id, dedup_key, kind, organ_id, "
                    + "dispatch_id, document_id, state, attempts, next_attempt_at, created_at) "
                    + "VALUES (?, ?, 'DOCUMENT', ?, ?, ?, 'PENDING', 0, ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    p.setString(1, "bench-" + i);
                    p.setString(2, "D|" + id + "|" + Agencies.B_ID + "|bench-" + i);
                    p.setString(3, Agencies.B_ID);
                    p.setString(4, id);
                    p.setString(5, documentId);
                    p.setObject(6, now);
                    p.setObject(7, now);
                    p.addBatch();
                }
                p.executeBatch();
            }
            long after = heapAfterGc();
            System.out.printf("(c) heap after GC: %,d KB with 1 delivery queued, %,d KB with %,d queued%n",
                    before / 1024, after / 1024, count(c, "state = 'PENDING'"));
            long max = 0;
            for (int i = 0; i < 6; i++) {
                Thread.sleep(5_000);
                long h = heapAfterGc();
                max = Math.max(max, h);
                System.out.printf("(c) +%2d s: %,d attempts made, heap after GC %,d KB%n", (i + 1) * 5,
                        sum(c), h / 1024);
            }
            System.out.printf("(c) largest heap after GC while retrying: %,d KB (%+,d KB over the queued state), load %s%n",
                    max / 1024, (max - after) / 1024, load());
        }
    }

    /** The dispatch draft with a second page holding an incompressible image: about 1 MB. */
    static byte[] oneMegabyteDraft() throws Exception {
        try (PDDocument doc = Loader.loadPDF(DispatchPdf.draft("CV"))) {
            return BenchFiles.withNoisePage(doc);
        }
    }

    private static void check(TestServer.Response r, String expected) {
        if (r.status() != 200 || !r.text().contains(expected)) {
            throw new IllegalStateException("validation: " + r.status() + " " + r.text());
        }
    }

    private static int count(Connection c, String where) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM exchange_outbox WHERE " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static long sum(Connection c) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT SUM(attempts) FROM exchange_outbox")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** CPU time of every thread of this JVM (both instances, the client, the JIT and GC), in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String load() {
        return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
