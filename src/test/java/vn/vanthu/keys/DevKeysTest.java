package vn.vanthu.keys;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.vanthu.config.AppConfig;
import vn.vanthu.store.Database;
import vn.vanthu.support.Databases;
import vn.vanthu.web.Role;
import vn.vanthu.users.UserService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Development seeding: the right owners and images, once, even when two instances seed at the same moment. */
class DevKeysTest {
    private static final Path SAMPLES = Path.of("keystore-samples");
    private static final AppConfig.Keys SETTINGS = new AppConfig.Keys(5, Duration.ofMinutes(15), Duration.ofMinutes(5));

    @ParameterizedTest
    @EnumSource(Databases.Kind.class)
    void two_instances_seeding_at_once_store_each_development_key_once_with_its_owner_and_image(Databases.Kind kind)
            throws Exception {
        Path dir = Files.createTempDirectory("vanthu-devkeys");
        Databases.Target t = Databases.fresh(kind, dir);
        AppConfig.Storage storage = new AppConfig.Storage(dir, t.url(), t.user(), t.password(), 4);
        try (Database first = Database.open(storage); Database second = Database.open(storage)) {
            UserService users = new UserService(first, java.time.Clock.systemUTC());
            String official = users.create("official", "Nguyễn Hữu Thắng", Set.of(Role.OFFICIAL)).id();
            String official2 = users.create("official2", "Trần Thị Mai Hương", Set.of(Role.OFFICIAL)).id();
            KeyService a = new KeyService(first, users, SETTINGS, java.time.Clock.systemUTC());
            KeyService b = new KeyService(second, new UserService(second, java.time.Clock.systemUTC()), SETTINGS, java.time.Clock.systemUTC());

            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> seed(go, a, users));
            CompletableFuture<Void> two = CompletableFuture.runAsync(() -> seed(go, b, users));
            go.countDown();
            CompletableFuture.allOf(one, two).join();
            a.seedDevelopmentKeys(SAMPLES, users);

            Map<String, String> owners = new KeyDao(first).all().stream()
                    .collect(Collectors.toMap(KeyRecord::id, KeyRecord::owner));
            assertEquals(Map.of("official1", official, "official2", official2, "seal", KeyInfo.AGENCY_SEAL,
                    "expired", official, "revoked", official, "notyet", official, "nokeyusage", official), owners);
            for (String id : List.of("official1", "official2")) {
                assertArrayEquals(Files.readAllBytes(SAMPLES.resolve(id + "-signature.png")), a.image(id).orElseThrow());
            }
            assertArrayEquals(Files.readAllBytes(SAMPLES.resolve("seal.png")), a.image("seal").orElseThrow());
            assertEquals(KeyInfo.ACTIVE, a.info("official1").status());
        }
    }

    private static void seed(CountDownLatch go, KeyService keys, UserService users) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        keys.seedDevelopmentKeys(SAMPLES, users);
    }
}
