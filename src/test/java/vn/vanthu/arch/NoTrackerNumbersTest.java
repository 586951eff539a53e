package vn.vanthu.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Comments say why, in words that stay true: no number of an entry in the project's bug list, which means
 * nothing to a reader without that list and goes stale when the entry closes. Java sources (main and test) and
 * the scripts are read; SQL migrations are left alone, since editing an applied migration changes its Flyway
 * checksum.
 */
class NoTrackerNumbersTest {
    private static final List<Path> ROOTS = List.of(Path.of("src/main/java"), Path.of("src/test/java"), Path.of("scripts"));
    /** The word for a bug-list entry with its number, a bare hash and number (PKCS and HTML entities aside), or the list's name. */
    private static final Pattern TRACKER = Pattern.compile(
            "\\b[Ii]ssues?\\s*#?\\d+|(?<![A-Za-z0-9&])#\\d+\\b|\\b[Tt]racker\\b");

    @Test
    void no_comment_refers_to_a_tracker_entry() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : ROOTS) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(NoTrackerNumbersTest::isSource).sorted().toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        String comment = comment(f, lines.get(i));
                        if (TRACKER.matcher(comment).find()) {
                            found.add(f + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "Comments naming tracker entries (say what and why instead):\n" + String.join("\n", found));
    }

    private static boolean isSource(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".sh");
    }

    /** The comment part of a line: a Javadoc or block-comment line, or what follows // (Java) or # (shell). */
    private static String comment(Path file, String line) {
        String t = line.trim();
        if (file.toString().endsWith(".sh")) {
            if (t.startsWith("#!")) {
                return "";
            }
            int hash = t.startsWith("#") ? 0 : t.indexOf(" # ");
            return hash < 0 ? "" : t.substring(hash);
        }
        if (t.startsWith("//") || t.startsWith("/*") || t.startsWith("*")) {
            return t;
        }
        int slashes = t.indexOf("// ");
        return slashes > 0 && t.charAt(slashes - 1) != ':' ? t.substring(slashes) : "";
    }
}
