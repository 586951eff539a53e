package vn.vanthu.incoming;

import vn.vanthu.error.ApiException;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;
import vn.vanthu.web.Json;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * What clients send, checked field by field before anything is stored: every text is bounded, every enum and date
 * parsed, so a bad value is a 400/422 naming the field, never a database error.
 *
 * <pre>{@code Incoming.Metadata m = IncomingInput.metadata(json).checked();}</pre>
 */
final class IncomingInput {
    static final int ORGAN = 300;
    static final int NUMBER_SYMBOL = 100;
    static final int TYPE = 100;
    static final int SUBJECT = 1000;
    static final int TEXT = 2000;
    static final int MAX_COOPERATORS = 50;
    private static final int USER_ID = 40;
    private static final int UNIT = 200;

    /** The JSON of each request, checked before anything is stored and documented (too long: 422, as ever here). */
    static final BodySpec METADATA_SPEC = BodySpec.part("metadata", FieldSpec.text("sendingOrgan", ORGAN).required(),
            FieldSpec.text("numberSymbol", NUMBER_SYMBOL).required(), FieldSpec.date("documentDate").required(),
            FieldSpec.text("documentType", TYPE).required(), FieldSpec.text("subject", SUBJECT).required(),
            FieldSpec.oneOf("urgency", Incoming.Urgency.class), FieldSpec.bool("secret")).tooLongAnswered(422);
    static final BodySpec DIRECTION_SPEC = BodySpec.json(FieldSpec.text("leadUserId", USER_ID).required(),
            FieldSpec.text("leadUnit", UNIT), FieldSpec.list("cooperatingUserIds", MAX_COOPERATORS, USER_ID),
            FieldSpec.date("deadline"), FieldSpec.text("comment", TEXT)).tooLongAnswered(422);
    static final BodySpec PROGRESS_SPEC = BodySpec.json(FieldSpec.text("note", TEXT)).tooLongAnswered(422);
    static final BodySpec COMPLETION_SPEC = BodySpec.json(FieldSpec.oneOf("result", Incoming.Result.class).required(),
            FieldSpec.text("dispatchId", USER_ID), FieldSpec.text("note", TEXT)).tooLongAnswered(422);
    static final BodySpec RETURN_SPEC = BodySpec.json(FieldSpec.text("reason", TEXT).required()).tooLongAnswered(422);

    private IncomingInput() {}

    /** The {@code metadata} part of {@code POST /api/v1/incoming}. */
    record NewIncoming(String sendingOrgan, String numberSymbol, String documentDate, String documentType,
                       String subject, String urgency, Boolean secret) {
        Incoming.Metadata checked() {
            return new Incoming.Metadata(required("sendingOrgan", sendingOrgan, ORGAN),
                    required("numberSymbol", numberSymbol, NUMBER_SYMBOL), date("documentDate", documentDate, true),
                    required("documentType", documentType, TYPE), required("subject", subject, SUBJECT),
                    IncomingInput.urgency(urgency), Boolean.TRUE.equals(secret));
        }
    }

    /** {@code POST …/{id}/direct}: the lead (a person, and the unit optionally), who cooperates, the deadline. */
    record NewDirection(String leadUserId, String leadUnit, List<String> cooperatingUserIds, String deadline, String comment) {
        NewDirection checked() {
            List<String> coop = cooperatingUserIds == null ? List.of() : cooperatingUserIds;
            if (coop.size() > MAX_COOPERATORS || coop.stream().anyMatch(u -> u == null || u.isBlank() || u.length() > USER_ID)) {
                throw ApiException.badRequest("INVALID_FIELD", "cooperatingUserIds must list at most " + MAX_COOPERATORS
                        + " user ids", "cooperatingUserIds");
            }
            String lead = required("leadUserId", leadUserId, USER_ID);
            if (coop.contains(lead)) {
                throw ApiException.badRequest("INVALID_FIELD", "The lead cannot also cooperate", "cooperatingUserIds");
            }
            return new NewDirection(lead, optional("leadUnit", leadUnit, UNIT), coop.stream().distinct().toList(),
                    deadline, optional("comment", comment, TEXT));
        }
    }

    /** {@code POST …/{id}/progress}. */
    record Progress(String note) {}

    /** {@code POST …/{id}/complete}. */
    record Completion(String result, String dispatchId, String note) {
        Incoming.Result checkedResult() {
            return parse(Incoming.Result.class, "result", result, null);
        }
    }

    /** {@code POST …/{id}/return}. */
    record Return(String reason) {}

    static Incoming.Metadata metadata(String json) {
        return Json.read(json, NewIncoming.class, "{sendingOrgan, numberSymbol, documentDate, documentType, subject, "
                + "urgency, secret}").checked();
    }

    static Incoming.Urgency urgency(String v) {
        return parse(Incoming.Urgency.class, "urgency", v, Incoming.Urgency.NORMAL);
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String v, E fallback) {
        if (v == null || v.isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw missing(field);
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("INVALID_FIELD", field + " must be one of "
                    + java.util.Arrays.toString(type.getEnumConstants()), field);
        }
    }

    static String required(String field, String v, int max) {
        String t = optional(field, v, max);
        if (t == null) {
            throw missing(field);
        }
        return t;
    }

    static String optional(String field, String v, int max) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String t = v.strip();
        if (t.length() > max) {
            throw ApiException.unprocessable("FIELD_TOO_LONG", field + " is longer than " + max + " characters", field);
        }
        if (t.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
            throw ApiException.badRequest("INVALID_FIELD", field + " holds control characters", field);
        }
        return t;
    }

    /** YYYY-MM-DD (also YYYY/MM/DD and DD/MM/YYYY as edXML senders write it), from 1900 to 9999. */
    static LocalDate date(String field, String v, boolean required) {
        if (v == null || v.isBlank()) {
            if (required) {
                throw missing(field);
            }
            return null;
        }
        String t = v.trim();
        for (String pattern : List.of("uuuu-MM-dd", "uuuu/MM/dd", "dd/MM/uuuu")) {
            try {
                LocalDate d = LocalDate.parse(t, DateTimeFormatter.ofPattern(pattern)
                        .withResolverStyle(java.time.format.ResolverStyle.STRICT));
                if (d.getYear() >= 1900) {
                    return d;
                }
            } catch (DateTimeParseException ignored) {
                // the next pattern
            }
        }
        throw ApiException.badRequest("INVALID_DATE", field + " must be a date YYYY-MM-DD", field);
    }

    private static ApiException missing(String field) {
        return ApiException.badRequest("MISSING_FIELD", field + " is required", field);
    }
}
