package vn.vanthu.digitization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Decree 30 rules for a digitized paper original (DOMAIN.md, copies): each page at least {@code minDpi}
 * (read from the image, never from the clerk's word), in colour, at 100 % scale (the page measures what paper
 * does, A5 to A3), and as many pages as the clerk counted on paper. The first page that breaks a rule refuses the
 * whole request with 422, its rule's code and the page.
 *
 * <pre>{@code List<ScanPage> pages = new ScanChecks(200, 500).check(List.of(scan), 3);}</pre>
 */
final class ScanChecks {
    /** A4 at 600 dpi is 35 million pixels, A3 at 600 dpi 70 million; beyond this a "scan" is an attack. */
    static final long MAX_PIXELS = 100_000_000L;
    private static final int MAX_SIDE = 30_000;
    /** Paper from A5 (148 × 210 mm) to A3 (297 × 420 mm), with some room for the scanner's margins. */
    private static final double MIN_SHORT_MM = 135;
    private static final double MAX_SHORT_MM = 320;
    private static final double MIN_LONG_MM = 190;
    private static final double MAX_LONG_MM = 445;

    private final int minDpi;
    private final int maxPages;

    ScanChecks(int minDpi, int maxPages) {
        this.minDpi = minDpi;
        this.maxPages = maxPages;
    }

    int maxPages() {
        return maxPages;
    }

    /** The pages of every scan in order, each checked; throws the 422 of the first broken rule. */
    List<ScanPage> check(List<Path> scans, int paperPages) {
        List<ScanPage> pages = new ArrayList<>();
        // Read one page more than the paper has, never more: enough to tell that the counts differ.
        int limit = Math.min(maxPages, paperPages + 1);
        for (int i = 0; i < scans.size(); i++) {
            int scan = i + 1;
            int first = pages.size() + 1;
            int room = limit - pages.size();
            List<ScanPage> found;
            try {
                found = switch (ScanFormat.of(scans.get(i), scan)) {
                    case PDF -> PdfScans.inspect(scans.get(i), scan, first, room);
                    case TIFF, JPEG, PNG -> ImageScans.inspect(scans.get(i), scan, first, room);
                };
            } catch (vn.vanthu.error.ApiException e) {
                if (e.code().equals("SCAN_TOO_MANY_PAGES") && limit < maxPages) {
                    throw ScanRefusal.of("PAGE_COUNT_MISMATCH", scan, null, "The scans hold more than " + paperPages
                            + " pages; the paper document has " + paperPages + " (metadata paperPages)");
                }
                throw e;
            }
            for (ScanPage p : found) {
                rules(p);
            }
            pages.addAll(found);
        }
        if (pages.size() != paperPages) {
            throw ScanRefusal.of("PAGE_COUNT_MISMATCH", scans.size(), null, "The scans hold " + pages.size()
                    + " pages; the paper document has " + paperPages + " (metadata paperPages)");
        }
        return pages;
    }

    private void rules(ScanPage p) {
        if (p.dpi() <= 0) {
            throw ScanRefusal.of("SCAN_RESOLUTION_UNKNOWN", p, "the image does not record its resolution; "
                    + "scan again with the resolution saved (at least " + minDpi + " dpi)");
        }
        // Scanners write 299.99 for 300: compare to the nearest whole dpi.
        if (Math.round(p.dpi()) < minDpi) {
            throw ScanRefusal.of("SCAN_RESOLUTION_TOO_LOW", p, Math.round(p.dpi()) + " dpi, below the "
                    + minDpi + " dpi the rules require");
        }
        if (!p.colour()) {
            throw ScanRefusal.of("SCAN_NOT_COLOUR", p, "scanned in grey or black and white; the rules require colour");
        }
        double shortMm = Math.min(p.widthMm(), p.heightMm());
        double longMm = Math.max(p.widthMm(), p.heightMm());
        if (shortMm < MIN_SHORT_MM || shortMm > MAX_SHORT_MM || longMm < MIN_LONG_MM || longMm > MAX_LONG_MM) {
            throw ScanRefusal.of("SCAN_SCALE_NOT_100", p, String.format(Locale.ROOT, "measures %.0f × %.0f mm at its "
                    + "resolution, not a paper page (A5 to A3) at 100 %% scale", p.widthMm(), p.heightMm()));
        }
    }

    /** Before any pixel is decoded: refuses sizes no scanner makes (an image bomb declares them in a few bytes). */
    static void requireSanePixels(int scan, int number, int inScan, long width, long height) {
        if (width <= 0 || height <= 0 || width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
            throw ScanRefusal.of("SCAN_IMAGE_TOO_LARGE", scan, number, "Page " + number + " (scan " + scan + ", page "
                    + inScan + ") declares " + width + " × " + height + " pixels, more than the "
                    + MAX_PIXELS / 1_000_000 + " million a scan may have");
        }
    }
}
