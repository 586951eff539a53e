package vn.vanthu.error;

/**
 * A failure the client caused or can act on, with the HTTP status and stable error code it maps to.
 * Features throw it; the web layer's one error mapper turns it into {@code {"errors":[{code,message,field}]}}.
 *
 * <pre>{@code throw ApiException.unprocessable("CERTIFICATE_NOT_USABLE", "The certificate expired on 2024-01-01");}</pre>
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String code;
    private final String field;
    private Object details;

    public ApiException(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    public int status() { return status; }
    public String code() { return code; }
    public String field() { return field; }
    /** Structured detail for the client (e.g. the items that failed), or null. */
    public Object details() { return details; }

    public ApiException withDetails(Object value) {
        this.details = value;
        return this;
    }

    public static ApiException badRequest(String code, String message, String field) {
        return new ApiException(400, code, message, field);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "UNAUTHORIZED", message, null);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(403, code, message, null);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", what + " not found", null);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(409, code, message, null);
    }

    public static ApiException gone(String code, String message) {
        return new ApiException(410, code, message, null);
    }

    public static ApiException tooLarge(String message) {
        return new ApiException(413, "PAYLOAD_TOO_LARGE", message, null);
    }

    public static ApiException unsupportedMediaType(String message) {
        return new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", message, null);
    }

    public static ApiException unprocessable(String code, String message) {
        return new ApiException(422, code, message, null);
    }

    public static ApiException unprocessable(String code, String message, String field) {
        return new ApiException(422, code, message, field);
    }

    public static ApiException tooManyAttempts(String code, String message) {
        return new ApiException(429, code, message, null);
    }
}
