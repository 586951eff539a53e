package vn.vanthu.signing.shortcuts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Code that replaces or bypasses DSS internals stays behind the fence: only this package subclasses DSS's or the
 * JDK's XPath and PDF machinery, swaps a thread's class loader or canonicalises for DSS, and this package
 * uses nothing of the service (so every feature may use it, and it can be read on its own).
 */
class FenceTest {
    private static final Path MAIN = Path.of("src/main/java/vn/vanthu");
    private static final Path FENCE = MAIN.resolve("signing/shortcuts");
    /** What a shortcut looks like in source. */
    private static final Pattern BYPASS = Pattern.compile("extends XPathFactory|implements XPath\\b|PdfDifferencesFinder"
            + "|PdfObjectModificationsFinder|extends PdfBox\\w+(ObjectFactory|SignatureService)|setContextClassLoader"
            + "|Canonicalizer\\.getInstance|getPdfSignatureCache");
    private static final Pattern SERVICE_REFERENCE = Pattern.compile("\\bvn\\.vanthu\\.((?:[a-z][a-z0-9]*\\.)*)[A-Z]");

    @Test
    void dss_internals_are_replaced_only_inside_the_shortcuts_package() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path f : sources(MAIN)) {
            Matcher m = BYPASS.matcher(Files.readString(f));
            if (!f.startsWith(FENCE) && m.find()) {
                outside.add(f + " (" + m.group() + ")");
            }
        }
        assertEquals(List.of(), outside);
        assertTrue(sources(FENCE).stream().anyMatch(f -> BYPASS.matcher(read(f)).find()), "the pattern still finds the shortcuts");
    }

    @Test
    void the_shortcuts_package_uses_nothing_of_the_service() throws IOException {
        List<String> uses = new ArrayList<>();
        for (Path f : sources(FENCE)) {
            Matcher m = SERVICE_REFERENCE.matcher(read(f).replaceFirst("(?m)^package .*$", ""));
            while (m.find()) {
                String pkg = m.group(1);
                if (!pkg.equals("signing.shortcuts.") && !pkg.equals("config.") && !pkg.equals("error.")) {
                    uses.add(f.getFileName() + " -> vn.vanthu." + pkg);
                }
            }
        }
        assertEquals(List.of(), uses);
    }

    private static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
