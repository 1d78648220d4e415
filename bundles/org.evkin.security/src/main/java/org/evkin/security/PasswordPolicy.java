package org.evkin.security;

import java.util.List;
import java.util.Locale;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Decides whether a new password is acceptable (not empty, long enough, not too long, not a well-known password)
 * and says why not in the user's language: Bahasa Indonesia unless English is asked for.
 */
@ProviderType
public interface PasswordPolicy {

    /** Bahasa Indonesia, the default language of the messages. */
    Locale INDONESIAN = Locale.forLanguageTag("id");

    /** The fewest characters (Unicode code points after NFKC normalisation) a password may have. */
    int minLength();

    /** The most characters a password may have. */
    int maxLength();

    /** What is wrong with the password, one user-facing message per problem; empty when it is acceptable. */
    List<String> problems(CharSequence password, Locale locale);

    /** {@link #problems(CharSequence, Locale)} in Bahasa Indonesia. */
    default List<String> problems(CharSequence password) {
        return problems(password, INDONESIAN);
    }

    /** Whether the password has no problem. */
    default boolean isAcceptable(CharSequence password) {
        return problems(password, INDONESIAN).isEmpty();
    }
}
