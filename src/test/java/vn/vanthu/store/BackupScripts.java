package vn.vanthu.store;

import vn.vanthu.support.Databases;
import vn.vanthu.support.TestServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code scripts/backup.sh} and {@code scripts/restore.sh} as an operator would: a separate process that
 * knows only the service's VANTHU_* settings (and H2's jar, which the tests have but no built service jar).
 */
final class BackupScripts {
    private BackupScripts() {}

    /** What a script printed (stdout and stderr) and how it exited. */
    record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + output;
        }
    }

    /** The settings that point the scripts at a running server's data and database. */
    static Map<String, String> settingsOf(TestServer s) {
        Map<String, String> env = settingsOf(s.dataDir(), s.database());
        env.put("VANTHU_PORT", String.valueOf(s.app().port()));
        return env;
    }

    /** The settings of a data folder and database where nothing runs yet (a restore target). */
    static Map<String, String> settingsOf(Path dataDir, Databases.Target db) {
        Map<String, String> env = new HashMap<>();
        env.put("VANTHU_DATA_DIR", dataDir.toString());
        env.put("VANTHU_DB_URL", db.url());
        env.put("VANTHU_DB_USER", db.user());
        env.put("VANTHU_DB_PASSWORD", db.password());
        return env;
    }

    static Result backup(Map<String, String> settings, Path archive) {
        return run(settings, "scripts/backup.sh", archive.toString());
    }

    static Result restore(Map<String, String> settings, Path archive) {
        return run(settings, "scripts/restore.sh", archive.toString());
    }

    private static Result run(Map<String, String> settings, String... command) {
        try {
            ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> env = b.environment();
            env.keySet().removeIf(k -> k.startsWith("VANTHU_") || k.startsWith("PG") || k.startsWith("BACKUP_"));
            env.putAll(settings);
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("H2_JAR", h2Jar());
            Process p = b.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String h2Jar() {
        try {
            return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
