package vn.vanthu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The same requests to two builds of the service at once: another jar (say, built from the commit before a change)
 * and this one, each in its own process on its own data, one request to each in turn (the order swapped every
 * round), so that whatever else loads the machine weighs on both alike. Prints, per case, the median wall time and
 * the CPU time each process spent per request (from /proc), and their ratios: this build over the other. The CPU is
 * also split by thread: the threads that serve requests (the code a change adds runs there), the JIT compilers and
 * the garbage collector, with how many G1 marking cycles each went through meanwhile (from its GC log). A JIT still
 * compiling, or a G1 going round concurrent cycles, is paid by its side whatever the code: read the request
 * threads' ratio for what a change costs per request, after a warm-up long enough for both JITs to settle.
 *
 * <pre>java -cp target/vanthu.jar:target/test-classes vn.vanthu.bench.VersusBench OTHER.jar [rounds]</pre>
 */
public final class VersusBench {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String BOUNDARY = "vanthuversusboundary";

    private static final Pattern MARKING = Pattern.compile("Concurrent Mark Cycle \\d");
    private static final Pattern REQUEST = Pattern.compile("JettyServerThre|signing-|validation-");
    private static final Pattern JIT = Pattern.compile("C[12] CompilerThre");
    private static final Pattern GC = Pattern.compile("GC Thread|G1 |VM Thread");

    private record Service(String label, Process process, String url, String official, String auditor, Path gcLog) {
        long markingCycles() throws java.io.IOException {
            try (var lines = Files.lines(gcLog)) {
                return lines.filter(l -> MARKING.matcher(l).find()).count();
            }
        }

        long cpuTicks() throws Exception {
            return ticks(Path.of("/proc/" + process.pid() + "/stat"));
        }

        /**
         * CPU ticks so far of the whole process and of each of its threads (by id) that serve requests (Jetty's and
         * the signing and validation workers), compile (the JIT) or collect garbage, read per thread from /proc.
         */
        Cpu cpu() throws Exception {
            Map<String, long[]> threads = new HashMap<>();
            try (var tasks = Files.list(Path.of("/proc/" + process.pid() + "/task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String name = Files.readString(task.resolve("comm")).strip();
                        int kind = REQUEST.matcher(name).lookingAt() ? 1 : JIT.matcher(name).lookingAt() ? 2
                                : GC.matcher(name).lookingAt() ? 3 : 0;
                        if (kind > 0) {
                            threads.put(task.getFileName().toString(), new long[]{kind, ticks(task.resolve("stat"))});
                        }
                    } catch (java.io.IOException ended) {
                        // a thread that ended meanwhile
                    }
                }
            }
            return new Cpu(cpuTicks(), threads);
        }

        private static long ticks(Path stat) throws java.io.IOException {
            String[] f = Files.readString(stat).replaceFirst(".*\\) ", "").split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime (fields 14 and 15)
        }
    }

    /** A process's CPU ticks at one moment: in all, and per thread id of the kinds counted ({kind, ticks}). */
    private record Cpu(long total, Map<String, long[]> threads) {
        /**
         * Ticks spent from {@code before} to this, in all and per kind (request, JIT, GC). Per thread, since pools end
         * idle threads: summing over the threads alive at each moment would take away all a thread ever spent when it
         * ends in between. A thread that ended in between counts nothing; one that started counts all it spent.
         */
        long[] since(Cpu before) {
            long[] t = {total - before.total, 0, 0, 0};
            threads.forEach((id, now) -> {
                long[] then = before.threads.get(id);
                t[(int) now[0]] += now[1] - (then == null ? 0 : then[1]);
            });
            return t;
        }
    }

    private record Case(String name, String path, boolean asOfficial, byte[] body) {}

    public static void main(String[] args) throws Exception {
        Path other = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int warmUp = Integer.parseInt(System.getenv().getOrDefault("VERSUS_WARMUP", String.valueOf(rounds / 5)));
        Path work = Files.createTempDirectory("vanthu-versus");
        Service before = start("other", other, work.resolve("other"));
        Service now;
        try {
            now = start("this", Path.of("target/vanthu.jar"), work.resolve("this"));
        } catch (Exception e) {
            before.process().destroy();
            throw e;
        }
        try {
            byte[] pdf = Files.readAllBytes(BenchDocs.pdf(1024 * 1024));
            List<Case> cases = List.of(
                    new Case("validate PAdES-B-LT 1 MB", "/api/v1/validations", false, form(Map.of(), "a.pdf", BenchFiles.padesLt1Mb())),
                    new Case("validate XAdES-B enveloped 1 MB", "/api/v1/validations", false, form(Map.of(), "a.xml", BenchFiles.xadesEnveloped1Mb())),
                    new Case("sign PAdES-B 1 MB", "/api/v1/signatures", true, form(signing("PAdES"), "a.pdf", pdf)),
                    new Case("sign XAdES-B enveloped 10 KB", "/api/v1/signatures", true,
                            form(Map.of("format", "XAdES", "level", "B", "keyId", "official1", "pin", "123456",
                                    "packaging", "ENVELOPED"), "a.xml", BenchDocs.xml(10 * 1024))));
            settle(before, now);
            System.out.printf("VersusBench: %s (other) vs target/vanthu.jar (this), %d rounds a case after %d not counted, one request at a time, alternating%n%n",
                    other, rounds, warmUp);
            System.out.printf("%-32s %9s %9s %7s %9s %9s %7s %8s %8s %7s %11s %11s   %s%n", "case", "other p50", "this p50",
                    "ratio", "other CPU", "this CPU", "ratio", "other rq", "this rq", "ratio", "JIT o/t", "GC o/t",
                    "G1 marking cycles o/t");
            String only = System.getenv().getOrDefault("VERSUS_CASES", "");
            for (Case c : cases) {
                if (!c.name().contains(only)) {
                    continue;
                }
                run(c, warmUp, before, now, null, null);
                double[] wall = new double[2];
                double[][] cpu = new double[2][4];
                long[] cycles = {before.markingCycles(), now.markingCycles()};
                run(c, rounds, before, now, wall, cpu);
                System.out.printf("%-32s %9.1f %9.1f %6.3f× %9.1f %9.1f %6.3f× %8.1f %8.1f %6.3f× %5.1f/%5.1f %5.1f/%5.1f   %d/%d (load %s)%n",
                        c.name(), wall[0], wall[1], wall[1] / wall[0], cpu[0][0], cpu[1][0], cpu[1][0] / cpu[0][0],
                        cpu[0][1], cpu[1][1], cpu[1][1] / cpu[0][1], cpu[0][2], cpu[1][2], cpu[0][3], cpu[1][3],
                        before.markingCycles() - cycles[0], now.markingCycles() - cycles[1],
                        Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
            }
        } finally {
            before.process().destroy();
            now.process().destroy();
        }
    }

    /**
     * Waits (a minute at most) until neither process uses more than a tenth of a core over a second: what a
     * start left to compile (the JIT works on in the background) is then not charged to the first case.
     */
    private static void settle(Service... services) throws Exception {
        for (int second = 0; second < 60; second++) {
            long[] before = new long[services.length];
            for (int i = 0; i < services.length; i++) {
                before[i] = services[i].cpuTicks();
            }
            Thread.sleep(1000);
            boolean quiet = true;
            for (int i = 0; i < services.length; i++) {
                quiet &= services[i].cpuTicks() - before[i] <= 10;
            }
            if (quiet) {
                return;
            }
        }
    }

    /**
     * {@code rounds} requests to each service in turn; fills the median wall ms and, per request, the mean CPU ms of
     * each process: all of it, its request threads, its JIT compilers and its garbage collector.
     */
    private static void run(Case c, int rounds, Service a, Service b, double[] wall, double[][] cpu) throws Exception {
        Service[] s = {a, b};
        List<List<Double>> ms = List.of(new ArrayList<>(), new ArrayList<>());
        long[][] ticks = new long[2][4];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int i = (r + k) % 2;
                Cpu t0 = s[i].cpu();
                long n0 = System.nanoTime();
                post(s[i], c);
                ms.get(i).add((System.nanoTime() - n0) / 1e6);
                long[] spent = s[i].cpu().since(t0);
                for (int kind = 0; kind < 4; kind++) {
                    ticks[i][kind] += spent[kind];
                }
            }
        }
        if (wall != null) {
            for (int i = 0; i < 2; i++) {
                double[] sorted = ms.get(i).stream().mapToDouble(Double::doubleValue).sorted().toArray();
                wall[i] = sorted[sorted.length / 2];
                for (int kind = 0; kind < 4; kind++) {
                    cpu[i][kind] = ticks[i][kind] * 1000.0 / 100 / rounds;   // USER_HZ is 100 on Linux
                }
            }
        }
    }

    private static void post(Service s, Case c) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(s.url() + c.path()))
                .header("Authorization", "Bearer " + (c.asOfficial() ? s.official() : s.auditor()))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(c.body())).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200 && r.statusCode() != 201) {
            throw new IllegalStateException(s.label() + " " + c.name() + ": HTTP " + r.statusCode() + " "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    private static Service start(String label, Path jar, Path data) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Files.createDirectories(data);
        Path gcLog = data.resolve("gc.log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-Xlog:gc:file=" + gcLog));
        String options = System.getenv().getOrDefault("VERSUS_JAVA_OPTS", "").replace("{label}", label);
        command.addAll(Arrays.stream(options.split(" ")).filter(o -> !o.isBlank()).toList());
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve("service.log").toFile());
        pb.environment().putAll(Map.of("VANTHU_DATA_DIR", data.toString(), "VANTHU_PORT", String.valueOf(port),
                "VANTHU_HOST", "127.0.0.1"));
        String dbUrl = System.getenv("VERSUS_DB_URL");
        if (dbUrl != null && !dbUrl.isBlank()) {
            pb.environment().put("VANTHU_DB_URL", dbUrl.replace("{data}", data.toString()));
        }
        if (label.equals("this")) {
            pb.environment().put("VANTHU_PROFILE", "dev");   // older builds start in development and know no profile
        }
        Process p = pb.start();
        String url = "http://127.0.0.1:" + port;
        for (int i = 0; i < 1_200; i++) {   // four minutes: a start takes over two on a machine loaded 50 deep
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    var tokens = new ObjectMapper().readTree(data.resolve("demo-tokens.json").toFile());
                    return new Service(label, p, url, tokens.get("official").asText(), tokens.get("auditor").asText(), gcLog);
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        p.destroy();
        throw new IllegalStateException(label + " did not start: see " + data.resolve("service.log"));
    }

    private static Map<String, String> signing(String format) {
        return Map.of("format", format, "level", "B", "keyId", "official1", "pin", "123456");
    }

    private static byte[] form(Map<String, String> fields, String fileName, byte[] file) {
        StringBuilder head = new StringBuilder();
        fields.forEach((k, v) -> head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        head.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] t = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(h, h.length + file.length + t.length);
        System.arraycopy(file, 0, all, h.length, file.length);
        System.arraycopy(t, 0, all, h.length + file.length, t.length);
        return all;
    }
}
