package org.evkin.security.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.evkin.security.PasswordPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** The password policy: minimum length from configuration, a fixed maximum, no repeated character, no well-known password. */
@Component(name = "org.evkin.security.policy", configurationPid = "org.evkin.security", service = PasswordPolicy.class)
public class PasswordPolicyComponent implements PasswordPolicy {

    /** Longest password in characters: generous for pass phrases, small enough to keep hashing cheap. */
    static final int MAX_LENGTH = 256;
    private static final String MESSAGES = "org.evkin.security.internal.messages";
    private static final String COMMON = "common-passwords.txt";

    private final int minLength;
    private final Set<String> common;

    @Activate
    public PasswordPolicyComponent(SecurityConfig config) {
        this.minLength = Settings.inRange("password.min.length", config.password_min_length(), 8, 64);
        this.common = loadCommon();
    }

    @Override
    public int minLength() {
        return minLength;
    }

    @Override
    public int maxLength() {
        return MAX_LENGTH;
    }

    @Override
    public List<String> problems(CharSequence password, Locale locale) {
        ResourceBundle messages = messages(locale);
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() == 0) {
            problems.add(messages.getString("password.empty"));
            return problems;
        }
        if (password.length() > 4 * MAX_LENGTH) {
            problems.add(MessageFormat.format(messages.getString("password.tooLong"), String.valueOf(MAX_LENGTH)));
            return problems;
        }
        String text = Passwords.normalize(password);
        if (text.isBlank()) {
            problems.add(messages.getString("password.blank"));
            return problems;
        }
        int length = text.codePointCount(0, text.length());
        if (length < minLength) {
            problems.add(MessageFormat.format(messages.getString("password.tooShort"), String.valueOf(minLength)));
        } else if (length > MAX_LENGTH) {
            problems.add(MessageFormat.format(messages.getString("password.tooLong"), String.valueOf(MAX_LENGTH)));
        }
        if (length > 1 && text.codePoints().distinct().count() == 1) {
            problems.add(messages.getString("password.repeated"));
        } else if (common.contains(text.toLowerCase(Locale.ROOT))) {
            problems.add(messages.getString("password.common"));
        }
        return problems;
    }

    /** The messages in the asked language, Bahasa Indonesia when there are none in it (never the JVM's default language). */
    static ResourceBundle messages(Locale locale) {
        return ResourceBundle.getBundle(MESSAGES, locale == null ? INDONESIAN : locale, PasswordPolicyComponent.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static Set<String> loadCommon() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicyComponent.class.getResourceAsStream(COMMON)) {
            if (in == null) {
                throw new IllegalStateException(COMMON + " is missing from the bundle");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(Passwords.normalize(word).toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + COMMON, e);
        }
        return Set.copyOf(words);
    }
}
