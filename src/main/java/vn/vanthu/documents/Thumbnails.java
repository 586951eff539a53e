package vn.vanthu.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Daemons;
import vn.vanthu.store.DocumentStore;
import vn.vanthu.store.TempFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Small pictures of page 1 of stored PDFs, for the pages: rendered by PDFBox at most {@value #WIDTH}×{@value #HEIGHT}
 * pixels, as PNG, from documents of at most 50 MB, on two worker threads with a short queue and
 * {@value #SECONDS} seconds each (a hostile PDF costs a bounded time and is answered 503, never 5xx from a
 * crash), cached by the document's SHA-256 (the bytes of a SHA-256 never change, so neither does its picture).
 * A {@link #preview} is larger ({@value #PREVIEW_WIDTH}×{@value #PREVIEW_HEIGHT}) and shows the page and the
 * rectangles a {@link Planner} reads from the PDF, on the same bounded workers.
 *
 * <pre>{@code byte[] png = thumbnails.png(item.sha256());
 * Thumbnails.Picture p = thumbnails.preview(sha256, "signer:" + sha256, pdf -> marksOf(pdf));}</pre>
 */
public final class Thumbnails {
    static final int WIDTH = 200;
    static final int HEIGHT = 283;
    static final int PREVIEW_WIDTH = 420;
    static final int PREVIEW_HEIGHT = 594;
    static final int SECONDS = 10;
    private static final long MAX_BYTES = 50L * 1024 * 1024;
    private static final int CACHED = 300;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final DocumentStore store;
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(8), Daemons.named("thumbnail"));
    private final Map<String, Picture> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Picture> eldest) {
            return size() > CACHED;
        }
    });

    public Thumbnails(DocumentStore store) {
        this.store = store;
        workers.allowCoreThreadTimeOut(true);
    }

    /** Reads from the PDF (a private temporary copy) what to draw on its picture. */
    @FunctionalInterface
    public interface Planner {
        PageMarks plan(Path pdf) throws IOException;
    }

    /** A picture and what was drawn on it. */
    public record Picture(byte[] png, PageMarks marks) {}

    /** The PNG of page 1 of the stored PDF {@code sha256}: 404 unknown, 422 not a (readable) PDF or too large, 503 busy or too slow. */
    public byte[] png(String sha256) {
        return picture(sha256, sha256, WIDTH, HEIGHT, pdf -> PageMarks.FIRST).png();
    }

    /**
     * The page the planner chooses, at most {@value #PREVIEW_WIDTH}×{@value #PREVIEW_HEIGHT}, with its marks, cached
     * under {@code key} (which must name everything the plan depends on); refusals as {@link #png}, and an
     * {@link ApiException} of the planner as it is.
     */
    public Picture preview(String sha256, String key, Planner planner) {
        return picture(sha256, key, PREVIEW_WIDTH, PREVIEW_HEIGHT, planner);
    }

    private Picture picture(String sha256, String key, int width, int height, Planner planner) {
        checkName(sha256);
        Picture known = cache.get(key);
        if (known != null) {
            return known;
        }
        DocumentStore.StoredDocument d = store.find(sha256).orElseThrow(() -> ApiException.notFound("Document " + sha256));
        if (d.mediaType() == null || !d.mediaType().toLowerCase(java.util.Locale.ROOT).startsWith("application/pdf")) {
            throw ApiException.unprocessable("NOT_A_PDF", "Only PDF documents have a picture of their first page");
        }
        if (d.size() > MAX_BYTES) {
            throw ApiException.unprocessable("TOO_LARGE_FOR_PICTURE", "Documents over 50 MB have no picture");
        }
        Future<Picture> job;
        try {
            job = workers.submit(() -> render(sha256, width, height, planner));
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "PICTURES_BUSY", "Too many pictures are being drawn; try again shortly", null);
        }
        try {
            Picture picture = job.get(SECONDS, TimeUnit.SECONDS);
            cache.put(key, picture);
            return picture;
        } catch (TimeoutException e) {
            job.cancel(true);
            throw new ApiException(503, "PICTURE_TOO_SLOW", "The page took too long to draw", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "PICTURE_TOO_SLOW", "Interrupted while drawing the page", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ApiException refused) {
                throw refused;
            }
            throw ApiException.unprocessable("UNREADABLE_PDF", "The page of this PDF cannot be drawn");
        }
    }

    /** 400 unless {@code sha256} is 64 lowercase hexadecimal digits. */
    static void checkName(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw ApiException.badRequest("INVALID_SHA256", "sha256 must be 64 lowercase hexadecimal digits", "sha256");
        }
    }

    private Picture render(String sha256, int width, int height, Planner planner) throws IOException {
        Path tmp = store.copyToTempFile(sha256);
        try {
            PageMarks marks = planner.plan(tmp);
            try (PDDocument doc = Loader.loadPDF(tmp.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
                if (marks.page() < 1 || marks.page() > doc.getNumberOfPages()) {
                    throw new IOException("no page " + marks.page());
                }
                PDRectangle box = doc.getPage(marks.page() - 1).getCropBox();
                float scale = Math.min(width / Math.max(1f, box.getWidth()), height / Math.max(1f, box.getHeight()));
                BufferedImage image = new PDFRenderer(doc).renderImage(marks.page() - 1, scale, ImageType.RGB);
                PageDrawing.draw(image, marks, scale);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, "png", out);
                return new Picture(out.toByteArray(), marks);
            }
        } finally {
            TempFiles.delete(tmp);
        }
    }
}
