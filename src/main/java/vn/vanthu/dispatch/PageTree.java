package vn.vanthu.dispatch;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import vn.vanthu.error.ApiException;
import vn.vanthu.limits.InputLimits;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Checks a PDF's page tree before anything walks it: PDFBox finds a page by recursing down the tree, so a tree
 * thousands of levels deep overflows the stack, a cycle never ends, and a /Count that is negative, not a number
 * or not the number of pages sends page loops astray. The walk here is iterative and visits each node once.
 *
 * <pre>{@code try (PDDocument doc = Loader.loadPDF(file)) { int pages = PageTree.check(doc); … }}</pre>
 */
final class PageTree {
    /** A balanced tree of a million pages is about ten levels deep. */
    static final int MAX_DEPTH = 64;
    static final int MAX_NODES = 200_000;

    private PageTree() {}

    /** The number of pages; 422 when the tree is malformed (NOT_A_PDF) or nested too deep (TOO_COMPLEX). */
    static int check(PDDocument doc) {
        COSDictionary root = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PAGES);
        if (root == null) {
            throw malformed("it has no page tree");
        }
        COSBase count = root.getDictionaryObject(COSName.COUNT);
        if (!(count instanceof COSInteger n) || n.longValue() < 0) {
            throw malformed("its page count (/Count) is not a number of pages");
        }
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSDictionary> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        long pages = 0;
        while (!nodes.isEmpty()) {
            COSDictionary node = nodes.pop();
            int depth = depths.pop();
            if (!seen.add(node)) {
                throw malformed("its page tree has a cycle or a node listed twice");
            }
            if (depth > MAX_DEPTH || seen.size() > MAX_NODES) {
                throw InputLimits.tooComplex("the PDF's page tree is nested more than " + MAX_DEPTH
                        + " levels deep or has more than " + MAX_NODES + " nodes", "file");
            }
            COSArray kids = node.getCOSArray(COSName.KIDS);
            if (kids == null) {
                pages++;
                continue;
            }
            for (int i = 0; i < kids.size(); i++) {
                if (kids.getObject(i) instanceof COSDictionary kid) {
                    nodes.push(kid);
                    depths.push(depth + 1);
                }
            }
        }
        if (pages != n.longValue()) {
            throw malformed("its page count (/Count " + n.longValue() + ") is not the number of its pages (" + pages + ")");
        }
        return (int) pages;
    }

    private static ApiException malformed(String why) {
        return ApiException.unprocessable("NOT_A_PDF", "The file is not a readable PDF: " + why, "file");
    }
}
