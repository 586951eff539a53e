package vn.vanthu.jobs;

/**
 * Thrown by a job's work to end it as FAILED with a code and a message the caller may read (name the page).
 *
 * <pre>{@code throw new JobFailure("OCR_PAGE_TIMEOUT", "Page 3 took longer than 120 s to recognise");}</pre>
 */
public class JobFailure extends RuntimeException {
    private final String code;

    public JobFailure(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
