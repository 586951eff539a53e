package vn.vanthu.config;

/** Start-up stops with this when a setting is unknown or its value is invalid; the message names it. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
