package vn.vanthu.documents;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.vanthu.error.ApiException;
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
 *
 * <pre>{@code byte[] png = thumbnails.png(item.sha256());}</pre>
 */
public final class Thumbnails {
    static final int WIDTH = 200;
    static final int HEIGHT = 283;
    static final int SECONDS = 10;
    private static final long MAX_BYTES = 50L * 1024 * 1024;
    private static final int CACHED = 300;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final DocumentStore store;
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(8), r -> {
                Thread t = new Thread(r, "thumbnail");
                t.setDaemon(true);
                return t;
            });
    private final Map<String, byte[]> cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > CACHED;
        }
    });

    public Thumbnails(DocumentStore store) {
        this.store = store;
        workers.allowCoreThreadTimeOut(true);
    }

    /** The PNG of page 1 of the stored PDF {@code sha256}: 404 unknown, 422 not a (readable) PDF or too large, 503 busy or too slow. */
    public byte[] png(String sha256) {
        checkName(sha256);
        byte[] known = cache.get(sha256);
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
        Future<byte[]> job;
        try {
            job = workers.submit(() -> render(sha256));
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "PICTURES_BUSY", "Too many pictures are being drawn; try again shortly", null);
        }
        try {
            byte[] png = job.get(SECONDS, TimeUnit.SECONDS);
            cache.put(sha256, png);
            return png;
        } catch (TimeoutException e) {
            job.cancel(true);
            throw new ApiException(503, "PICTURE_TOO_SLOW", "Page 1 took too long to draw", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "PICTURE_TOO_SLOW", "Interrupted while drawing page 1", null);
        } catch (ExecutionException e) {
            throw ApiException.unprocessable("UNREADABLE_PDF", "Page 1 of this PDF cannot be drawn");
        }
    }

    /** 400 unless {@code sha256} is 64 lowercase hexadecimal digits. */
    static void checkName(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw ApiException.badRequest("INVALID_SHA256", "sha256 must be 64 lowercase hexadecimal digits", "sha256");
        }
    }

    private byte[] render(String sha256) throws IOException {
        Path tmp = store.copyToTempFile(sha256);
        try (PDDocument doc = Loader.loadPDF(tmp.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            if (doc.getNumberOfPages() < 1) {
                throw new IOException("no pages");
            }
            PDRectangle box = doc.getPage(0).getCropBox();
            float scale = Math.min(WIDTH / Math.max(1f, box.getWidth()), HEIGHT / Math.max(1f, box.getHeight()));
            BufferedImage image = new PDFRenderer(doc).renderImage(0, scale, ImageType.RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } finally {
            TempFiles.delete(tmp);
        }
    }
}
