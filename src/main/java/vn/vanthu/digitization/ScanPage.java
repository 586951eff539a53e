package vn.vanthu.digitization;

/**
 * What the checks learned about one scanned page, from the file itself (never from the clerk's word): its pixels,
 * its resolution, whether it is in colour and its size on paper.
 *
 * @param number     the page's number in the whole document (1-based, across all scans)
 * @param scan       the scan (multipart part) it came from, 1-based
 * @param pageInScan its page within that scan, 1-based
 * @param dpi        the lower of its horizontal and vertical resolution; 0 when the file does not say
 * @param widthMm    its width on paper (pixels ÷ resolution, or the PDF page's width)
 */
record ScanPage(int number, int scan, int pageInScan, int widthPx, int heightPx, double dpi, boolean colour,
                double widthMm, double heightMm) {

    /** "page 2 (scan 1, page 2)": how error messages name a page. */
    String label() {
        return "page " + number + " (scan " + scan + ", page " + pageInScan + ")";
    }
}
