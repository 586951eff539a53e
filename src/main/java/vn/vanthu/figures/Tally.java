package vn.vanthu.figures;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The counts of one period for the whole agency or for one unit, added up from grouped rows, and their view with
 * percentages. Outgoing documents belong to their drafting unit and incoming ones to their lead unit; dossiers,
 * digitizations and validations record no unit, so a unit's view leaves them out (null).
 */
final class Tally {
    long issued;
    long signedDigitally;
    long issuedOnTime;
    long recipients;
    long sentElectronically;
    long registered;
    long receivedElectronically;
    long submittedOnTime;
    long handled;
    long handledByDeadline;
    long late;
    long open;
    long overdue;
    long opened;
    long keptPerCatalogue;
    long closed;
    long closedWithSealedPackage;
    long submitted;
    long submittedToArchiveOnTime;
    long digitizedDocuments;
    long pages;
    long validations;
    long passed;
    long notPassed;
    long unsigned;

    /** {@code part} of {@code whole} in per cent, one decimal; null when there is nothing to count. */
    static Double pct(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }

    /** One section of the view: counts in order, each share followed by its percentage of a whole. */
    private static final class Section {
        final Map<String, Object> map = new LinkedHashMap<>();

        Section count(String name, long value) {
            map.put(name, value);
            return this;
        }

        Section share(String name, long part, long whole) {
            map.put(name, part);
            map.put(name + "Pct", pct(part, whole));
            return this;
        }
    }

    Map<String, Object> outgoing() {
        return new Section().count("issued", issued).share("signedDigitally", signedDigitally, issued)
                .share("issuedOnTime", issuedOnTime, issued).count("recipients", recipients)
                .share("sentElectronically", sentElectronically, recipients).map;
    }

    Map<String, Object> incoming() {
        return new Section().count("registered", registered)
                .share("receivedElectronically", receivedElectronically, registered)
                .share("submittedOnTime", submittedOnTime, registered).count("handled", handled)
                .share("handledByDeadline", handledByDeadline, handled)
                .count("late", late).count("open", open).count("overdue", overdue).map;
    }

    Map<String, Object> dossiers() {
        return new Section().count("opened", opened).share("keptPerCatalogue", keptPerCatalogue, opened)
                .count("closed", closed).share("closedWithSealedPackage", closedWithSealedPackage, closed)
                .count("submitted", submitted).share("submittedOnTime", submittedToArchiveOnTime, submitted).map;
    }

    Map<String, Object> digitization() {
        return new Section().count("pages", pages).count("documents", digitizedDocuments).map;
    }

    Map<String, Object> validationVerdicts() {
        return new Section().count("run", validations).share("allSignaturesPassed", passed, validations)
                .count("notAllSignaturesPassed", notPassed).count("noSignature", unsigned).map;
    }

    /** The JSON shape of one period: the agency's (unit null) with every section, a unit's with its own. */
    Map<String, Object> view(String period, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", period);
        m.put("unit", unit);
        m.put("outgoing", outgoing());
        m.put("incoming", incoming());
        m.put("dossiers", unit == null ? dossiers() : null);
        m.put("digitization", unit == null ? digitization() : null);
        m.put("validations", unit == null ? validationVerdicts() : null);
        return m;
    }
}
