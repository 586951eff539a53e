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

    Map<String, Object> outgoing() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("issued", issued);
        m.put("signedDigitally", signedDigitally);
        m.put("signedDigitallyPct", pct(signedDigitally, issued));
        m.put("issuedOnTime", issuedOnTime);
        m.put("issuedOnTimePct", pct(issuedOnTime, issued));
        m.put("recipients", recipients);
        m.put("sentElectronically", sentElectronically);
        m.put("sentElectronicallyPct", pct(sentElectronically, recipients));
        return m;
    }

    Map<String, Object> incoming() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registered", registered);
        m.put("receivedElectronically", receivedElectronically);
        m.put("receivedElectronicallyPct", pct(receivedElectronically, registered));
        m.put("submittedOnTime", submittedOnTime);
        m.put("submittedOnTimePct", pct(submittedOnTime, registered));
        m.put("handled", handled);
        m.put("handledByDeadline", handledByDeadline);
        m.put("handledByDeadlinePct", pct(handledByDeadline, handled));
        m.put("late", late);
        m.put("open", open);
        m.put("overdue", overdue);
        return m;
    }

    Map<String, Object> dossiers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("opened", opened);
        m.put("keptPerCatalogue", keptPerCatalogue);
        m.put("keptPerCataloguePct", pct(keptPerCatalogue, opened));
        m.put("closed", closed);
        m.put("closedWithSealedPackage", closedWithSealedPackage);
        m.put("closedWithSealedPackagePct", pct(closedWithSealedPackage, closed));
        m.put("submitted", submitted);
        m.put("submittedOnTime", submittedToArchiveOnTime);
        m.put("submittedOnTimePct", pct(submittedToArchiveOnTime, submitted));
        return m;
    }

    Map<String, Object> digitization() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pages", pages);
        m.put("documents", digitizedDocuments);
        return m;
    }

    Map<String, Object> validationVerdicts() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", validations);
        m.put("allSignaturesPassed", passed);
        m.put("allSignaturesPassedPct", pct(passed, validations));
        m.put("notAllSignaturesPassed", notPassed);
        m.put("noSignature", unsigned);
        return m;
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
