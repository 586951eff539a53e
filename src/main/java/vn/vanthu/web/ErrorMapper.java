package vn.vanthu.web;

import com.fasterxml.jackson.core.JacksonException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.vanthu.error.ApiException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where failures become HTTP answers: {@code {"errors":[{"code","message","field"}]}}.
 * Unexpected exceptions are logged with the request id and answered with a generic message only.
 */
final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    static void handle(Exception e, Context ctx) {
        if (e instanceof ApiException api) {
            if (api.status() >= 500) {
                log.error("{} (request {})", api.getMessage(), RequestIds.get(ctx));
            }
            write(ctx, api.status(), api.code(), api.getMessage(), api.field(), api.details());
        } else if (e instanceof JacksonException) {
            write(ctx, 400, "MALFORMED_JSON", "The request body is not valid JSON of the expected shape", null);
        } else if (e instanceof HttpResponseException h) {
            write(ctx, h.getStatus(), codeFor(h.getStatus()), messageFor(h.getStatus()), null);
        } else if (clientHttpStatus(e) == 400) {
            // Jetty drops the connection after a body it could not parse: tell the client not to reuse it.
            ctx.header("Connection", "close");
            write(ctx, 400, "MALFORMED_REQUEST", "The request body could not be parsed (malformed multipart or encoding)", null);
        } else if (isTooLarge(e) || clientHttpStatus(e) == 413) {
            write(ctx, 413, "PAYLOAD_TOO_LARGE", "The upload is larger than this service accepts", null);
        } else {
            log.error("Unexpected failure in request {} {} (request {})", ctx.method(), ctx.path(), RequestIds.get(ctx), e);
            write(ctx, 500, "INTERNAL_ERROR", "The service could not complete the request; it has been logged as "
                    + RequestIds.get(ctx), null);
        }
    }

    /** The 4xx status Jetty attached to a parsing failure, or 0. */
    private static int clientHttpStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.http.HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
                return h.getCode();
            }
        }
        return 0;
    }

    /** Jetty reports an oversized multipart part as an IllegalStateException ("… exceeds max …"). */
    private static boolean isTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase();
            if (t instanceof IllegalStateException && m.contains("exceeds max")) {
                return true;
            }
        }
        return false;
    }

    static void write(Context ctx, int status, String code, String message, String field) {
        write(ctx, status, code, message, field, null);
    }

    static void write(Context ctx, int status, String code, String message, String field, Object details) {
        if (Views.failurePage(ctx, status, code, message)) {
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        if (details != null) {
            error.put("details", details);
        }
        ctx.status(status).json(Map.of("errors", List.of(error)));
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "REQUEST_FAILED";
        };
    }

    static String messageFor(int status) {
        return switch (status) {
            case 404 -> "No such endpoint or resource";
            case 405 -> "This method is not allowed here";
            case 413 -> "The upload is larger than this service accepts";
            default -> status >= 500 ? "The service could not complete the request" : "The request could not be handled";
        };
    }
}
