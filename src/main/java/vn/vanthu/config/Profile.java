package vn.vanthu.config;

import java.util.Locale;

/**
 * What the service starts as ({@code VANTHU_PROFILE}). {@link #PRODUCTION}, the default of the jar on its own,
 * has no development PKI, no demo users and no development OCSP/TSA routes, and needs trust anchors and a seal;
 * {@link #DEV} ({@code scripts/run.sh}) turns those development helpers on by default.
 *
 * <pre>{@code if (config.profile() == Profile.PRODUCTION) { … } String shown = config.profile().label(); // "production"}</pre>
 */
public enum Profile {
    DEV, PRODUCTION;

    /** As written in {@code VANTHU_PROFILE} and shown by {@code /health}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
