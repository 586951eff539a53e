package vn.vanthu.digitization;

import vn.vanthu.error.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;

/** The 422s of the scan checks: each names its rule's code and the page (and scan) that broke it. */
final class ScanRefusal {
    private ScanRefusal() {}

    static ApiException of(String code, int scan, Integer page, String message) {
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("scan", scan);
        if (page != null) {
            where.put("page", page);
        }
        return ApiException.unprocessable(code, message, "scan").withDetails(where);
    }

    static ApiException of(String code, ScanPage p, String message) {
        return of(code, p.scan(), p.number(), "Page " + p.number() + " (scan " + p.scan() + ", page "
                + p.pageInScan() + "): " + message);
    }
}
