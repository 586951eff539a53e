package vn.vanthu.dispatch;

import org.jdbi.v3.core.Handle;
import vn.vanthu.error.ApiException;
import vn.vanthu.store.Database;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Rows of {@code numbering_layouts} (V110): the series layout of a year as JSON; and the check, in the issuing
 * transaction, that no document of the year already carries the number + symbol or the document identifier.
 */
final class NumberingDao {
    private final Database db;

    NumberingDao(Database db) {
        this.db = db;
    }

    Optional<String> layout(int year) {
        return db.withHandle(h -> h.createQuery("SELECT layout FROM numbering_layouts WHERE layout_year = :y")
                .bind("y", year).mapTo(String.class).findOne());
    }

    /**
     * Stores the year's layout; 409 {@code NUMBERING_IN_USE} when a document of that year was already issued or,
     * for the current year, a signed document awaits its number (its printed symbol was checked against the
     * layout in force).
     */
    void replace(int year, String layout, boolean currentYear, String userId, OffsetDateTime at) {
        db.useTransaction(h -> {
            Numbering.Usage used = usage(h, year, currentYear);
            if (used.inUse()) {
                throw ApiException.conflict("NUMBERING_IN_USE", used.issued() > 0
                        ? used.issued() + " document(s) were already numbered in " + year + " under its layout; the layout of a year is set before its first issue"
                        : used.waiting() + " signed document(s) await their number under the current layout; issue them first");
            }
            int n = h.createUpdate("UPDATE numbering_layouts SET layout = :l, updated_by = :u, updated_at = :t WHERE layout_year = :y")
                    .bind("l", layout).bind("u", userId).bind("t", at).bind("y", year).execute();
            if (n == 0) {
                h.createUpdate("INSERT INTO numbering_layouts (layout_year, layout, updated_by, updated_at) VALUES (:y, :l, :u, :t)")
                        .bind("y", year).bind("l", layout).bind("u", userId).bind("t", at).execute();
            }
        });
    }

    /** What holds the year's layout: documents numbered under it and, for the current year, signed ones waiting. */
    Numbering.Usage usage(int year, boolean currentYear) {
        return db.withHandle(h -> usage(h, year, currentYear));
    }

    private static Numbering.Usage usage(Handle h, int year, boolean currentYear) {
        int issued = h.createQuery("SELECT COUNT(*) FROM dispatches WHERE status = 'ISSUED' AND number_year = :y")
                .bind("y", year).mapTo(Integer.class).one();
        int waiting = currentYear ? h.createQuery("SELECT COUNT(*) FROM dispatches WHERE status = 'SIGNED'")
                .mapTo(Integer.class).one() : 0;
        return new Numbering.Usage(issued, waiting);
    }

    /**
     * Inside the issuing transaction: 409 {@code DUPLICATE_NUMBER} when another document of the year already
     * carries this number + symbol or this document identifier (in any series).
     */
    static void requireUnique(Handle h, String dispatchId, Dispatch.Issued i) {
        Optional<String> other = h.createQuery("SELECT id FROM dispatches WHERE id <> :id AND ((number_year = :y AND "
                        + "code_number = :cn AND code_notation = :cno) OR document_id = :doc)")
                .bind("id", dispatchId).bind("y", i.year()).bind("cn", i.codeNumber()).bind("cno", i.codeNotation())
                .bind("doc", i.documentId()).mapTo(String.class).findFirst();
        if (other.isPresent()) {
            throw duplicate(i);
        }
    }

    /**
     * Why the issuing transaction met a unique index: a document of another series holds this number + symbol
     * or identifier (a concurrent issue won), else the number itself was taken in its series.
     */
    static ApiException duplicateOrTaken(Database db, String dispatchId, Dispatch.Issued i) {
        try {
            db.useTransaction(h -> requireUnique(h, dispatchId, i));
        } catch (ApiException e) {
            return e;
        }
        return ApiException.conflict("NUMBER_TAKEN", "The number is held by another document; issue again for a new one");
    }

    static ApiException duplicate(Dispatch.Issued i) {
        return ApiException.conflict("DUPLICATE_NUMBER", i.number() + " (" + i.documentId() + ") was already issued this year "
                + "in another series; nothing was issued and the dispatch stays SIGNED");
    }
}
