package vn.vanthu.keys;

import vn.vanthu.config.AppConfig;
import vn.vanthu.store.Database;
import vn.vanthu.users.UserService;

import java.time.Clock;

/** The keys feature, built once: registered keys (PKCS#12, PKCS#11), PINs and lockout; in development the demo keys. */
public record KeysFeature(KeyService service, KeyController controller) {
    public static KeysFeature create(AppConfig config, Database db, UserService users, Clock clock) {
        KeyService keys = new KeyService(db, users, config.keys(), clock);
        if (config.pki().devPki() && config.demoUsers()) {
            keys.seedDevelopmentKeys(config.pki().devPkiDir(), users);
        }
        return new KeysFeature(keys, new KeyController(keys));
    }
}
