package vn.vanthu.pki;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dev PKI stays BouncyCastle-only so the signing code can use it without dragging HTTP or DSS along. */
class PkiImportRulesTest {
    @Test
    void only_the_controller_touches_javalin_and_nothing_in_pki_touches_dss() throws Exception {
        List<Path> sources;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/vn/vanthu/pki"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            String text = Files.readString(source);
            assertFalse(text.contains("eu.europa.esig"), source + " must not use DSS");
            if (!source.getFileName().toString().equals("PkiController.java")) {
                assertFalse(text.contains("io.javalin"), source + " must not use Javalin");
            }
        }
    }
}
