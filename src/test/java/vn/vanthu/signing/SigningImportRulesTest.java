package vn.vanthu.signing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** House rules for the signing package: Javalin only in the controller, Jdbi only in the preparations DAO. */
class SigningImportRulesTest {
    static final Path DIR = Path.of("src/main/java/vn/vanthu/signing");

    static List<String> filesImporting(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.readAllLines(f).stream().anyMatch(l -> l.startsWith("import " + prefix));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void only_the_controller_touches_javalin() throws IOException {
        assertEquals(List.of("SigningController.java"), filesImporting("io.javalin"));
    }

    @Test
    void only_the_preparations_dao_touches_jdbi() throws IOException {
        assertEquals(List.of("PreparationDao.java"), filesImporting("org.jdbi"));
    }
}
