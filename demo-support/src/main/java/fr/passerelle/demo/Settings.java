package fr.passerelle.demo;

import java.util.Locale;
import java.util.function.Function;

/**
 * Reads a setting from a system property ({@code passerelle.demo-sp.port}) or else from the environment
 * variable of the same name in upper case with dots and dashes as underscores ({@code PASSERELLE_DEMO_SP_PORT}).
 */
public final class Settings {

    private final Function<String, String> properties;
    private final Function<String, String> environment;

    public Settings(Function<String, String> properties, Function<String, String> environment) {
        this.properties = properties;
        this.environment = environment;
    }

    public static Settings fromSystem() {
        return new Settings(System::getProperty, System::getenv);
    }

    public String get(String key, String defaultValue) {
        String value = properties.apply(key);
        if (value == null || value.isBlank()) {
            value = environment.apply(envName(key));
        }
        return value == null || value.isBlank() ? defaultValue : value.strip();
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
