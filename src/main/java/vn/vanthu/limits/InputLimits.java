package vn.vanthu.limits;

import vn.vanthu.error.ApiException;

/**
 * The shapes of input this service refuses before any expensive work, in one place so that signing and
 * validation agree (a container this service signs is one it validates). The XML limits are those Santuario's
 * secure validation applies per signature (its own limits are left as they are, JVM-wide); they are checked here
 * per file, before DSS parses anything.
 *
 * <pre>{@code if (files.size() > InputLimits.CONTAINER_FILES) { throw InputLimits.tooComplex("…", "file"); }}</pre>
 */
public final class InputLimits {
    /** Files one ASiC-E container may sign. */
    public static final int CONTAINER_FILES = 100;
    /** References of one ordinary XML signature, as Santuario's secure validation allows. */
    public static final int REFERENCES_PER_SIGNATURE = 30;

    private InputLimits() {}

    /** 422 TOO_COMPLEX: the input is refused because of its shape, before any work on it. */
    public static ApiException tooComplex(String why, String field) {
        return ApiException.unprocessable("TOO_COMPLEX", "The input is refused: " + why, field);
    }
}
