package vn.vanthu.digitization;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.jobs.JobFailure;
import vn.vanthu.jobs.Jobs;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs OCRmyPDF (Tesseract, Vietnamese model) on the assembled scan: the output is PDF/A-2b, images kept as they
 * are (lossless PDF/A image compression, no optimisation, no deskew or cleaning), the recognised text written
 * under each page. Each page has {@code pageTimeout}; OCRmyPDF would only skip a page that takes longer, so its log
 * is read as it runs: a skipped page fails the job naming it, and the process tree is killed. The whole run has
 * a limit too (pages × (page limit + 30 s) + 60 s). Progress: OCRmyPDF logs "N Grafting" as page N is done.
 *
 * <pre>{@code String text = ocr.run(input, output, pages, progress);   // the recognised text, pages split by \f}</pre>
 */
final class OcrRunner {
    private static final Logger log = LoggerFactory.getLogger(OcrRunner.class);
    private static final Pattern GRAFTED = Pattern.compile("^\\s*(\\d+) Grafting");
    private static final Pattern TOO_LONG = Pattern.compile("^\\s*(\\d+) \\[tesseract] took too long");

    private final String command;
    private final Duration pageTimeout;

    OcrRunner(String command, Duration pageTimeout) {
        this.command = command;
        this.pageTimeout = pageTimeout;
    }

    /** True when the command is there to run (an absolute path, or found on PATH). */
    boolean available() {
        if (command.contains(File.separator)) {
            return Files.isExecutable(Path.of(command));
        }
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /** OCRs {@code input} into {@code output}; answers the recognised text. Throws {@link JobFailure} naming the page. */
    String run(Path input, Path output, int pages, Jobs.Progress progress) throws InterruptedException {
        Path sidecar = output.resolveSibling(output.getFileName() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(command, "-v", "1", "-l", "vie", "--output-type", "pdfa-2",
                "--pdfa-image-compression", "lossless", "--optimize", "0", "--skip-text", "--jobs", "1",
                "--tesseract-timeout", String.valueOf(pageTimeout.toSeconds()), "--sidecar", sidecar.toString(),
                input.toString(), output.toString()).redirectErrorStream(true);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new JobFailure("OCR_UNAVAILABLE", "The OCR program (" + command + ") cannot be started");
        }
        AtomicInteger tooLongPage = new AtomicInteger();
        Thread reader = new Thread(() -> follow(process, progress, tooLongPage), "vanthu-ocr-log");
        reader.setDaemon(true);
        reader.start();
        long limit = pages * (pageTimeout.toSeconds() + 30) + 60;
        try {
            boolean ended = process.waitFor(limit, TimeUnit.SECONDS);
            reader.join(TimeUnit.SECONDS.toMillis(5));
            if (tooLongPage.get() > 0) {
                throw new JobFailure("OCR_PAGE_TIMEOUT", "Page " + tooLongPage.get() + ": text recognition took longer "
                        + "than " + pageTimeout.toSeconds() + " s (VANTHU_OCR_PAGE_TIMEOUT_SECONDS)");
            }
            if (!ended) {
                throw new JobFailure("OCR_TIMEOUT", "The OCR of " + pages + " pages took longer than " + limit + " s");
            }
            int exit = process.exitValue();
            if (exit != 0) {
                throw new JobFailure(exit == 10 ? "OCR_PDFA_FAILED" : "OCR_FAILED", exit == 10
                        ? "The recognised document could not be made PDF/A-2b"
                        : "The OCR program failed (exit code " + exit + ")");
            }
            return Files.exists(sidecar) ? Files.readString(sidecar, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new JobFailure("OCR_FAILED", "The OCR program's text could not be read");
        } finally {
            kill(process);
            vn.vanthu.store.TempFiles.delete(sidecar);
        }
    }

    private void follow(Process process, Jobs.Progress progress, AtomicInteger tooLongPage) {
        Set<Integer> grafted = ConcurrentHashMap.newKeySet();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                Matcher m = GRAFTED.matcher(line);
                if (m.find() && grafted.add(Integer.parseInt(m.group(1)))) {
                    progress.done(grafted.size());
                }
                Matcher t = TOO_LONG.matcher(line);
                if (t.find() && tooLongPage.compareAndSet(0, Integer.parseInt(t.group(1)))) {
                    kill(process);   // no point finishing a document that will be refused
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("OCR log ended: {}", e.toString());
        }
    }

    /** Kills OCRmyPDF and what it started (Tesseract, Ghostscript), children first. */
    private static void kill(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
