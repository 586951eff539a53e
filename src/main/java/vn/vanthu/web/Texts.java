package vn.vanthu.web;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Properties;

/**
 * The pages' texts, {@code pages/texts_vi.properties} and {@code pages/texts_en.properties} (UTF-8): Vietnamese
 * first; a key missing in English falls back to Vietnamese, a key missing in both shows as the key.
 */
final class Texts implements IMessageResolver {
    private static final Map<String, Properties> BY_LANG = Map.of("vi", load("vi"), "en", load("en"));

    private static Properties load(String lang) {
        Properties p = new Properties();
        try (var in = Texts.class.getClassLoader().getResourceAsStream("pages/texts_" + lang + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("pages/texts_" + lang + ".properties is missing");
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    static String text(String lang, String key) {
        String t = BY_LANG.getOrDefault(lang, BY_LANG.get("vi")).getProperty(key);
        return t != null ? t : BY_LANG.get("vi").getProperty(key, key);
    }

    @Override
    public String getName() {
        return "vanthu";
    }

    @Override
    public Integer getOrder() {
        return 0;
    }

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] params) {
        String t = text(context.getLocale().getLanguage(), key);
        return params == null || params.length == 0 ? t : new MessageFormat(t, context.getLocale()).format(params);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key, Object[] params) {
        return key;
    }
}
