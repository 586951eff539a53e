package vn.vanthu.web;

/** A JVM error (stack or heap exhausted) inside one request, carried to the error mapper as an unexpected failure. */
final class RequestFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RequestFailure(Error cause) {
        super("The request's work failed: " + cause.getClass().getSimpleName(), cause);
    }
}
