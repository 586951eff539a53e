package vn.vanthu;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the README a newcomer's page and the documentation's links working: README.md stays within 12 KB, its
 * map of the code names every package, and every relative link of README.md and docs/*.md reaches an existing
 * file (and, with a #fragment into a Markdown file, one of its headings).
 */
class DocumentationTest {
    private static final Path README = Path.of("README.md");
    private static final Path MAIN = Path.of("src/main/java/vn/vanthu");
    private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern FENCED = Pattern.compile("(?ms)^```.*?^```");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void the_readme_is_at_most_12_kb() throws IOException {
        long size = Files.size(README);
        assertTrue(size <= 12 * 1024, "README.md is " + size + " bytes; details belong in docs/");
    }

    @Test
    void the_readme_map_names_every_package() throws IOException {
        String readme = Files.readString(README);
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.walk(MAIN)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String pkg = dir.equals(MAIN) ? "vn.vanthu" : MAIN.relativize(dir).toString().replace('/', '.');
                if (!readme.contains("`" + pkg + "`")) {
                    missing.add(pkg);
                }
            }
        }
        assertTrue(missing.isEmpty(), "README.md's map of the code does not name: " + missing);
    }

    @Test
    void every_relative_link_of_the_readme_and_docs_reaches_an_existing_file() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = LINK.matcher(FENCED.matcher(Files.readString(page)).replaceAll(""));
            while (m.find()) {
                String target = m.group(1);
                if (!target.matches("^[a-z]+:.*") && !target.startsWith("#")) {
                    check(page, target, broken);
                }
            }
        }
        assertTrue(broken.isEmpty(), "Broken links:\n" + String.join("\n", broken));
    }

    private static void check(Path page, String target, List<String> broken) throws IOException {
        int hash = target.indexOf('#');
        Path file = page.toAbsolutePath().getParent().resolve(hash < 0 ? target : target.substring(0, hash)).normalize();
        if (!Files.exists(file)) {
            broken.add(page + ": " + target + " (no such file)");
        } else if (hash >= 0 && file.toString().endsWith(".md") && !anchors(file).contains(target.substring(hash + 1))) {
            broken.add(page + ": " + target + " (no such heading)");
        }
    }

    /** The anchors a Markdown renderer gives the file's headings: lower case, punctuation dropped, spaces as -. */
    private static List<String> anchors(Path markdown) throws IOException {
        List<String> out = new ArrayList<>();
        Matcher m = HEADING.matcher(FENCED.matcher(Files.readString(markdown)).replaceAll(""));
        while (m.find()) {
            out.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
        }
        return out;
    }
}
