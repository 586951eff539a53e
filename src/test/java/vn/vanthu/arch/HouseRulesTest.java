package vn.vanthu.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The house rules of STYLE.md that a machine can check: library types stay inside their features, classes stay small. */
class HouseRulesTest {
    private static final Path MAIN = Path.of("src/main/java/vn/vanthu");
    private static final Set<String> DSS_FEATURES = Set.of("signing", "validation", "keys", "trust", "dossier", "dispatch");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String feature(Path file) {
        Path rel = MAIN.relativize(file);
        return rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
    }

    @Test
    void dss_is_used_only_inside_the_signing_validation_and_keys_features() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path f : sources()) {
            if (Files.readString(f).contains("import eu.europa.esig") && !DSS_FEATURES.contains(feature(f))) {
                bad.add(f.toString());
            }
        }
        assertTrue(bad.isEmpty(), "DSS outside its features: " + bad);
    }

    @Test
    void javalin_is_used_only_in_the_web_layer_and_controllers() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path f : sources()) {
            boolean allowed = feature(f).equals("web") || f.getFileName().toString().endsWith("Controller.java")
                    || f.getFileName().toString().equals("App.java");
            if (Files.readString(f).contains("import io.javalin") && !allowed) {
                bad.add(f.toString());
            }
        }
        assertTrue(bad.isEmpty(), "Javalin outside the web layer: " + bad);
    }

    @Test
    void controllers_and_the_web_layer_do_not_touch_the_database_directly() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path f : sources()) {
            boolean web = feature(f).equals("web") || f.getFileName().toString().endsWith("Controller.java");
            if (web && Files.readString(f).contains("import org.jdbi")) {
                bad.add(f.toString());
            }
        }
        assertTrue(bad.isEmpty(), "Jdbi in the HTTP layer: " + bad);
    }

    @Test
    void no_class_is_much_over_three_hundred_lines() throws IOException {
        List<String> big = new ArrayList<>();
        for (Path f : sources()) {
            long lines = Files.readAllLines(f).size();
            if (lines > 330) {
                big.add(f + " (" + lines + " lines)");
            }
        }
        assertTrue(big.isEmpty(), "Split these: " + big);
    }
}
