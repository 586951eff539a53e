package vn.vanthu.keys;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** House rules for the keys feature: Javalin only in its controllers (API and pages), Jdbi only in its DAO. */
class KeysImportRulesTest {
    private static final Path PACKAGE = Path.of("src/main/java/vn/vanthu/keys");

    @Test
    void javalin_stays_in_the_controllers_and_jdbi_in_the_dao() throws IOException {
        assertEquals(List.of("KeyController.java", "KeyPagesController.java"), filesImporting("io.javalin"));
        assertEquals(List.of("KeyDao.java"), filesImporting("org.jdbi"));
    }

    private static List<String> filesImporting(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(PACKAGE)) {
            return files.filter(f -> {
                try {
                    return Files.readAllLines(f).stream().anyMatch(l -> l.startsWith("import " + prefix));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
