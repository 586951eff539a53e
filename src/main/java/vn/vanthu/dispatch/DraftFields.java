package vn.vanthu.dispatch;

import vn.vanthu.error.ApiException;
import vn.vanthu.web.BodySpec;
import vn.vanthu.web.FieldSpec;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The fields of a new draft, checked before anything is stored: required text, lengths, recipients, due date. */
final class DraftFields {
    private DraftFields() {}

    /** What the database keeps: the drafting unit (50 characters) and the recipients (4,000 characters as JSON). */
    static final int MAX_UNIT = 50;
    static final int SUBJECT = 500;
    static final int SIGNER = 200;
    static final int USER_ID = 40;
    private static final int MAX_RECIPIENTS = 100;
    private static final int MAX_RECIPIENT = 500;
    private static final int MAX_RECIPIENTS_TEXT = 4_000;
    /** A key's id (the column holds 64) and its PIN or password. */
    static final int KEY_ID = 64;
    static final int PIN = 256;

    /** The metadata part of a new draft: what the service checks before anything is stored, and documents. */
    static final BodySpec METADATA = BodySpec.part("metadata",
            FieldSpec.oneOf("documentType", java.util.Arrays.stream(DocumentType.values()).map(DocumentType::code).toList()).required(),
            FieldSpec.text("subject", SUBJECT).required(), FieldSpec.text("signerPosition", SIGNER).required(),
            FieldSpec.text("signerName", SIGNER).required(), FieldSpec.text("signerUserId", USER_ID).required(),
            FieldSpec.list("recipients", MAX_RECIPIENTS, MAX_RECIPIENT).required(), FieldSpec.text("draftingUnit", MAX_UNIT),
            FieldSpec.oneOf("priority", List.copyOf(new java.util.TreeSet<>(DispatchService.PRIORITIES))),
            FieldSpec.bool("secret"), FieldSpec.date("dueDate"));
    /** The official's signature: the key, its PIN, where the signature shows. */
    static final BodySpec SIGN = BodySpec.json(FieldSpec.text("keyId", KEY_ID).required(), FieldSpec.text("pin", PIN),
            FieldSpec.object("visible"));
    /** Step 1 of the official's two-step signature: the PEM chain, where the signature shows. */
    static final BodySpec PREPARE = BodySpec.json(FieldSpec.text("certificate", vn.vanthu.signing.TwoStepSigning.MAX_PEM),
            FieldSpec.object("visible"));
    /** The clerk's issue: the seal and its PIN. */
    static final BodySpec ISSUE = BodySpec.json(FieldSpec.text("keyId", KEY_ID).required(), FieldSpec.text("pin", PIN));

    /** The recipients, trimmed, blanks dropped; 400 when absent, not text, too many or too long together. */
    static List<String> recipients(List<String> given) {
        if (given != null && given.contains(null)) {
            throw ApiException.badRequest("INVALID_RECIPIENTS", "recipients must be a list of names", "recipients");
        }
        List<String> recipients = given == null ? List.of() : given.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (recipients.isEmpty()) {
            throw ApiException.badRequest("MISSING_FIELD", "recipients must list at least one recipient", "recipients");
        }
        if (recipients.size() > MAX_RECIPIENTS || jsonLength(recipients) > MAX_RECIPIENTS_TEXT) {
            throw ApiException.badRequest("FIELD_TOO_LONG", "recipients may list at most " + MAX_RECIPIENTS
                    + " names of at most " + MAX_RECIPIENTS_TEXT + " characters together", "recipients");
        }
        return recipients;
    }

    private static int jsonLength(List<String> values) {
        try {
            return vn.vanthu.web.Json.MAPPER.writeValueAsString(values).length();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("MISSING_FIELD", field + " is required", field);
        }
        if (value.trim().length() > max) {
            throw ApiException.badRequest("FIELD_TOO_LONG", field + " must be at most " + max + " characters", field);
        }
        return value.trim();
    }

    static String dueDate(String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(v.trim()).toString();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_DATE", "dueDate must be a date yyyy-MM-dd", "dueDate");
        }
    }
}
