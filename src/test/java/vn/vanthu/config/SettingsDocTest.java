package vn.vanthu.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds docs/settings.md to {@link Setting}: every setting has exactly one table row (environment name, then
 * property name), and the page names no {@code VANTHU_*} variable that start-up would refuse as unknown.
 */
class SettingsDocTest {
    private static final Path SETTINGS_DOC = Path.of("docs/settings.md");
    /** | `VANTHU_X` | `x` | … or | `VANTHU_X` | — | … */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(VANTHU_[A-Z0-9_]+)`\\s*\\|\\s*([^|]*?)\\s*\\|");
    private static final Pattern NAME = Pattern.compile("\\bVANTHU_[A-Z0-9_]+\\b");

    @Test
    void every_setting_has_one_row_with_its_environment_and_property_names() throws IOException {
        List<String> lines = Files.readAllLines(SETTINGS_DOC);
        List<String> wrong = new ArrayList<>();
        for (Setting s : Setting.values()) {
            List<String> cells = new ArrayList<>();
            for (String line : lines) {
                Matcher m = ROW.matcher(line);
                if (m.find() && m.group(1).equals(s.envName())) {
                    cells.add(m.group(2));
                }
            }
            if (cells.size() != 1) {
                String shown = s.defaultValue().isEmpty() ? "—" : "`" + s.defaultValue() + "`";
                wrong.add(s.envName() + ": " + cells.size() + " rows, expected one: | `" + s.envName() + "` | `"
                        + s.key() + "` | " + shown + " | " + s.description() + " |");
            } else if (!cells.get(0).equals("`" + s.key() + "`")) {
                wrong.add(s.envName() + ": property cell is " + cells.get(0) + ", expected `" + s.key() + "`");
            }
        }
        assertTrue(wrong.isEmpty(), SETTINGS_DOC + " does not match the Setting enum:\n" + String.join("\n", wrong));
    }

    @Test
    void the_page_names_no_setting_that_start_up_would_refuse() throws IOException {
        Set<String> known = new TreeSet<>(Set.of(ConfigLoader.CONFIG_FILE_ENV));
        for (Setting s : Setting.values()) {
            known.add(s.envName());
        }
        Set<String> unknown = new TreeSet<>();
        Matcher m = NAME.matcher(Files.readString(SETTINGS_DOC));
        while (m.find()) {
            if (!known.contains(m.group())) {
                unknown.add(m.group());
            }
        }
        assertTrue(unknown.isEmpty(), SETTINGS_DOC + " names settings that do not exist: " + unknown);
    }
}
