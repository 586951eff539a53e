package vn.vanthu.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The persistence rules that keep each aggregate's SQL behind its DAO, read from the main sources. */
class PersistenceRulesTest {
    private static final Path MAIN = Path.of("src/main/java/vn/vanthu");
    private static final Pattern DAO_HANDED_OUT = Pattern.compile("\\.dao\\(\\)|\\bDao\\s+dao\\(\\)");
    private static final Pattern VERDICT_TEXT = Pattern.compile("\"(TOTAL_PASSED|TOTAL_FAILED|INDETERMINATE)\"");
    private static final Pattern JDBC_STATE = Pattern.compile("getSQLState\\(\\)");

    private static List<Path> offending(Pattern pattern, java.util.function.Predicate<Path> allowed) {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(allowed.negate())
                    .filter(f -> pattern.matcher(read(f)).find()).toList();
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

    @Test
    void no_service_hands_out_its_dao_to_another_class() {
        assertEquals(List.of(), offending(DAO_HANDED_OUT, f -> false), "the feature factory passes the DAO instead");
    }

    @Test
    void verdicts_are_compared_as_the_indication_enum_outside_validation() {
        assertEquals(List.of(), offending(VERDICT_TEXT, f -> f.startsWith(MAIN.resolve("validation"))));
    }

    @Test
    void sql_states_are_read_in_one_place() {
        assertEquals(List.of(), offending(JDBC_STATE, f -> f.endsWith("store/SqlStates.java")));
    }
}
