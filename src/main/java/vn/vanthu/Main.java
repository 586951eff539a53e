package vn.vanthu;

import vn.vanthu.config.ConfigException;
import vn.vanthu.config.ConfigLoader;

/** {@code java -jar target/vanthu.jar}: reads the configuration, starts, and stops cleanly on SIGTERM. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        App app;
        try {
            app = App.create(ConfigLoader.load(System.getenv()));
        } catch (ConfigException e) {
            System.err.println("vanthu: " + e.getMessage());
            System.exit(2);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "vanthu-shutdown"));
        app.start();
    }
}
