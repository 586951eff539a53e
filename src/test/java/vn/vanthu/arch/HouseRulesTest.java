package vn.vanthu.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The house rules of STYLE.md that a machine can check: library types stay inside their features, the packages
 * form no cycle, the web layer imports no feature, classes stay small, and nothing but the entry point sets a
 * system property.
 */
class HouseRulesTest {
    private static final Path MAIN = Path.of("src/main/java/vn/vanthu");
    private static final Path TEST = Path.of("src/test/java/vn/vanthu");
    private static final Set<String> DSS_FEATURES = Set.of("signing", "validation", "keys", "trust");
    /** Leaf libraries every feature may use; none of them imports a feature. */
    private static final Set<String> LIBRARIES = Set.of("web", "config", "error", "store", "time", "print");
    private static final Pattern REFERENCE = Pattern.compile("\\bvn\\.vanthu\\.((?:[a-z][a-z0-9]*\\.)*)[A-Z]");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package vn\\.vanthu((?:\\.[a-z][a-z0-9]*)*);");

    private static List<Path> sources(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level package under vn.vanthu ("" for the wiring in vn.vanthu itself). */
    private static String feature(Path file) {
        Path rel = MAIN.relativize(file);
        return rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
    }

    private static String top(String pkg) {
        int dot = pkg.indexOf('.');
        return dot < 0 ? pkg : pkg.substring(0, dot);
    }

    /** Which packages (below vn.vanthu; "" is the wiring) each package refers to, by import or by qualified name. */
    static Map<String, Set<String>> packageGraph() {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Path f : sources(MAIN)) {
            String text = read(f);
            Matcher pkg = PACKAGE.matcher(text);
            String from = pkg.find() && !pkg.group(1).isEmpty() ? pkg.group(1).substring(1) : "";
            Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
            Matcher m = REFERENCE.matcher(text.replaceFirst("(?m)^package .*$", ""));
            while (m.find()) {
                String target = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
                if (!target.equals(from)) {
                    to.add(target);
                }
            }
        }
        return graph;
    }

    /** A cycle in the graph as "a -> b -> a", or null. */
    static String cycle(Map<String, Set<String>> graph) {
        Map<String, Integer> state = new TreeMap<>();   // 1 on the path, 2 done
        for (String start : graph.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            String found = visit(start, graph, state, path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static String visit(String node, Map<String, Set<String>> graph, Map<String, Integer> state, Deque<String> path) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return null;
        }
        path.addLast(node);
        if (s != null) {
            List<String> p = new ArrayList<>(path);
            return String.join(" -> ", p.subList(p.indexOf(node), p.size()));
        }
        state.put(node, 1);
        for (String next : graph.getOrDefault(node, Set.of())) {
            String found = visit(next, graph, state, path);
            if (found != null) {
                return found;
            }
        }
        state.put(node, 2);
        path.removeLast();
        return null;
    }

    @Test
    void the_packages_form_no_cycle() {
        Map<String, Set<String>> graph = packageGraph();
        assertEquals(null, cycle(graph), "a package cycle; the graph: " + graph);
    }

    @Test
    void the_cycle_check_finds_a_cycle_when_there_is_one() {
        assertEquals("a -> b -> a", cycle(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("a")))));
        assertEquals("b -> c -> b", cycle(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("b")))));
        assertEquals(null, cycle(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of()))));
    }

    @Test
    void the_libraries_import_no_feature_and_no_feature_imports_the_wiring() {
        List<String> bad = new ArrayList<>();
        packageGraph().forEach((from, to) -> {
            if (LIBRARIES.contains(top(from))) {
                to.stream().filter(t -> !LIBRARIES.contains(top(t))).forEach(t -> bad.add(from + " -> " + t));
            }
        });
        for (Path f : sources(MAIN)) {
            if (!feature(f).isEmpty() && Pattern.compile("import vn\\.vanthu\\.[A-Z]").matcher(read(f)).find()) {
                bad.add(f + " imports the wiring");
            }
        }
        assertTrue(bad.isEmpty(), "libraries must stay leaves: " + bad);
    }

    @Test
    void dss_is_used_only_inside_signing_validation_keys_and_trust() {
        List<String> bad = new ArrayList<>();
        for (Path f : sources(MAIN)) {
            if (read(f).contains("eu.europa.esig") && !DSS_FEATURES.contains(feature(f))) {
                bad.add(f.toString());
            }
        }
        assertTrue(bad.isEmpty(), "DSS outside its features: " + bad);
    }

    @Test
    void javalin_is_used_only_in_the_web_layer_controllers_and_the_wiring() {
        List<String> bad = new ArrayList<>();
        for (Path f : sources(MAIN)) {
            boolean allowed = feature(f).equals("web") || f.getFileName().toString().endsWith("Controller.java")
                    || feature(f).isEmpty();
            if (read(f).contains("io.javalin") && !allowed) {
                bad.add(f.toString());
            }
        }
        assertTrue(bad.isEmpty(), "Javalin outside the web layer: " + bad);
    }

    @Test
    void jdbi_is_used_only_in_the_store_and_in_daos() {
        List<String> bad = new ArrayList<>();
        for (Path f : sources(MAIN)) {
            String name = f.getFileName().toString();
            boolean allowed = feature(f).equals("store") || name.endsWith("Dao.java");
            if (read(f).contains("org.jdbi") && !allowed) {
                bad.add(f.toString());
            }
        }
        assertTrue(bad.isEmpty(), "Jdbi outside the store and the DAOs: " + bad);
    }

    @Test
    void no_class_main_or_test_is_over_three_hundred_lines() throws IOException {
        List<String> big = new ArrayList<>();
        for (Path f : Stream.concat(sources(MAIN).stream(), sources(TEST).stream()).toList()) {
            long lines = Files.readAllLines(f).size();
            if (lines > 300) {
                big.add(f + " (" + lines + " lines)");
            }
        }
        assertTrue(big.isEmpty(), "Split these: " + big);
    }

    @Test
    void only_the_entry_point_sets_system_properties() {
        List<String> bad = new ArrayList<>();
        for (Path f : sources(MAIN)) {
            if (read(f).contains("System.setProperty") && !f.getFileName().toString().equals("Main.java")) {
                bad.add(f.toString());
            }
        }
        assertTrue(bad.isEmpty(), "System.setProperty outside Main: " + bad);
    }

    @Test
    void no_service_file_changes_the_jvm_behind_the_service_s_back() {
        assertTrue(Files.notExists(Path.of("src/main/resources/META-INF/services")),
                "META-INF/services installs providers JVM-wide; install shortcuts explicitly");
    }

    /** Reading the system clock; time comes from the Clock the service is given (tests move it). */
    private static final Pattern SYSTEM_TIME = Pattern.compile(
            "\\b(Instant|OffsetDateTime|LocalDate|LocalDateTime|ZonedDateTime)\\.now\\((\\)|Zone)|Clock\\.system|System\\.currentTimeMillis");
    /** Wall time on purpose: the development PKI's own certificates, and caches whose lifetimes are real seconds. */
    private static final Set<String> WALL_CLOCK = Set.of("App.java", "CertificateCheck.java", "TrustServices.java");

    @Test
    void time_is_read_from_the_one_injected_clock_and_vietnam_time_is_defined_once() {
        List<String> bad = new ArrayList<>();
        for (Path f : sources(MAIN)) {
            String text = read(f);
            String name = f.getFileName().toString();
            if (SYSTEM_TIME.matcher(text).find() && !WALL_CLOCK.contains(name) && !feature(f).equals("pki")) {
                bad.add(f + " reads the system clock");
            }
            if ((text.contains("Asia/Ho_Chi_Minh") || text.contains("ofHours(7)")) && !name.equals("VietnamTime.java")) {
                bad.add(f + " defines Vietnam time again");
            }
        }
        assertTrue(bad.isEmpty(), String.join("; ", bad));
    }
}
