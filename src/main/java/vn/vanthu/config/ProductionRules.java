package vn.vanthu.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the production profile refuses, checked once the settings are read: the development helpers switched on
 * by hand, and a start without trust anchors or without the seal the service signs its own output with. Every
 * message names the settings to change. (A development certificate among the anchors is refused where the
 * anchors are read, by the trust feature.)
 */
final class ProductionRules {
    private static final String DEV_HINT = " or set " + Setting.PROFILE.envName() + "=dev for development "
            + "(scripts/run.sh does)";

    private ProductionRules() {}

    static void check(Map<Setting, String> v) {
        for (Setting devOnly : List.of(Setting.DEV_PKI, Setting.DEMO_USERS)) {
            if (Boolean.parseBoolean(v.get(devOnly))) {
                throw new ConfigException(devOnly.envName() + "=true (" + devOnly.key() + ") is for the dev profile only: "
                        + "the production profile (the default) refuses it; remove it," + DEV_HINT);
            }
        }
        List<String> missing = new ArrayList<>();
        if (v.get(Setting.TRUST_ANCHORS).isEmpty()) {
            missing.add(name(Setting.TRUST_ANCHORS, ": the certificates to trust"));
        }
        if (v.get(Setting.REPORT_SEAL_KEYSTORE).isEmpty()) {
            missing.add(name(Setting.REPORT_SEAL_KEYSTORE, ": the agency seal's PKCS#12"));
        }
        if (!missing.isEmpty()) {
            throw new ConfigException("The production profile needs " + String.join(" and ", missing)
                    + "; set " + (missing.size() > 1 ? "them," : "it,") + DEV_HINT);
        }
    }

    private static String name(Setting s, String what) {
        return s.envName() + " (" + s.key() + what + ")";
    }
}
