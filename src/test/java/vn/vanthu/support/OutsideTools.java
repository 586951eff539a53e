package vn.vanthu.support;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Tests that check our files with tools nobody here wrote (pdfsig, xmlsec1, openssl, …) call {@link #require}
 * first. Under CI (CI=true, where .ci/run installs them) a missing tool fails the test; on a developer's machine
 * without it the test is skipped, loudly, with the package to install.
 */
public final class OutsideTools {
    private OutsideTools() {}

    private static final java.util.Map<String, String> PACKAGES = java.util.Map.of(
            "pdfsig", "poppler-utils", "pdftoppm", "poppler-utils", "pdftotext", "poppler-utils",
            "qpdf", "qpdf", "xmlsec1", "xmlsec1", "openssl", "openssl", "softhsm2-util", "softhsm2");

    /** As {@link #require(String, String)}, with the Debian package known for the tool. */
    public static void require(String tool) {
        require(tool, PACKAGES.getOrDefault(tool, tool));
    }

    public static void require(String tool, String debianPackage) {
        boolean present = onPath(tool);
        String message = tool + " is not installed (apt-get install -y " + debianPackage + ")";
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + ": CI must run this test");
        }
        if (!present) {
            System.err.println("\n*** SKIPPED: " + message + " ***\n");
        }
        Assumptions.assumeTrue(present, message);
    }

    /** What a tool printed (stdout and stderr merged: openssl splits its verdicts) and how it exited. */
    public record Result(int exitCode, String output) {
        @Override
        public String toString() {
            return "exit " + exitCode + ":\n" + output;
        }
    }

    /** Runs {@code command} in {@code dir} (null = here) after {@link #require}, waiting at most a minute. */
    public static Result run(Path dir, String... command) {
        require(command[0]);
        try {
            ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                b.directory(dir.toFile());
            }
            Process process = b.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command[0] + " timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(out, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** poppler's pdfsig report of a PDF. */
    public static String pdfsig(byte[] pdf) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("pdfsig", ".pdf");
            Files.write(tmp, pdf);
            return run(null, "pdfsig", tmp.toString()).output();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            vn.vanthu.store.TempFiles.delete(tmp);
        }
    }

    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
