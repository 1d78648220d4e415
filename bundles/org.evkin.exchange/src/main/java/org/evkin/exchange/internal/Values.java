package org.evkin.exchange.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parsers of the field formats of the imports: NIP, e-mail, phone, decimal score. */
final class Values {

    /** Longest value kept in a text field. */
    static final int MAX_LENGTH = 255;

    private static final Pattern NIP = Pattern.compile("\\d{18}");
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9]+([.,][0-9]+)?[eE][+]?[0-9]+");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-/]+");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]+([.,][0-9]+)?");
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private Values() {
    }

    /** The 18 digits of a NIP written with or without the spaces of its printed form (and a leading '), or null. */
    static String nip(String text) {
        String t = stripApostrophe(text).replace(" ", "");
        return NIP.matcher(t).matches() ? t : null;
    }

    /** True when a number was turned into scientific notation by a spreadsheet (1,98501E+17). */
    static boolean scientific(String text) {
        return SCIENTIFIC.matcher(text.replace(" ", "")).matches();
    }

    /** The e-mail in lower case, or null when it is not a plausible address. */
    static String email(String text) {
        if (text.length() > 254 || !EMAIL.matcher(text).matches()) {
            return null;
        }
        return text.toLowerCase(Locale.ROOT);
    }

    /** The phone as written when it has 7 to 15 digits and only digits, spaces, + ( ) . - /, or null. */
    static String phone(String text) {
        String t = stripApostrophe(text);
        if (!PHONE.matcher(t).matches() || t.indexOf('+') > 0) {
            return null;
        }
        long digits = t.chars().filter(Character::isDigit).count();
        return digits >= 7 && digits <= 15 ? t : null;
    }

    /** A non-negative decimal with a point or a comma (85,5 or 85.5), or null. */
    static BigDecimal decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text.replace(',', '.'));
    }

    /** True for 0 to 100. */
    static boolean percentRange(BigDecimal d) {
        return d.signum() >= 0 && d.compareTo(HUNDRED) <= 0;
    }

    private static String stripApostrophe(String text) {
        return text.startsWith("'") ? text.substring(1).strip() : text;
    }
}
