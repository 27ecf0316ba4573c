package fr.passerelle.demo.sp;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The site's texts in each {@link Language}, from {@code messages_<lang>.properties} (UTF-8). */
public final class Messages {

    private static final Map<Language, Properties> TEXTS = new EnumMap<>(Language.class);

    static {
        for (Language language : Language.values()) {
            String resource = "messages_" + language.tag() + ".properties";
            try (InputStream in = Messages.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing " + resource);
                }
                Properties texts = new Properties();
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                TEXTS.put(language, texts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final Language language;

    public Messages(Language language) {
        this.language = language;
    }

    public Language language() {
        return language;
    }

    /** The text for a key, with {@code {0}}, {@code {1}}... replaced by the arguments; the key itself if missing. */
    public String get(String key, Object... arguments) {
        String text = find(key).orElse(key);
        for (int i = 0; i < arguments.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(arguments[i]));
        }
        return text;
    }

    public Optional<String> find(String key) {
        return Optional.ofNullable(TEXTS.get(language).getProperty(key));
    }

    static Map<Language, Properties> all() {
        return TEXTS;
    }
}
