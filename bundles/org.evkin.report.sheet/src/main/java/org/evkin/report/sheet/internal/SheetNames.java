package org.evkin.report.sheet.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Hands out sheet names Excel accepts: at most 31 characters, none of []:*?/\, no apostrophe at either end, unique
 * regardless of case, never the reserved "History". */
final class SheetNames {

    static final int MAX_LENGTH = 31;
    private static final String FORBIDDEN = "[]:*?/\\";

    private final Set<String> taken = new HashSet<>();
    private final String fallback;

    SheetNames(String fallback) {
        this.fallback = fallback;
        taken.add("history");
    }

    /** The wanted name made valid, with " (2)", " (3)" … added when it is taken. */
    String unique(String wanted) {
        String base = clean(wanted);
        if (base.isEmpty()) {
            base = clean(fallback);
        }
        String name = base;
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            String suffix = " (" + n + ")";
            name = cut(base, MAX_LENGTH - suffix.length()).strip() + suffix;
        }
        return name;
    }

    /** The name without forbidden or control characters and end apostrophes, cut to 31 characters. */
    static String clean(String wanted) {
        if (wanted == null) {
            return "";
        }
        StringBuilder name = new StringBuilder(wanted.length());
        for (int i = 0; i < wanted.length(); i++) {
            char c = wanted.charAt(i);
            if (FORBIDDEN.indexOf(c) >= 0) {
                name.append('-');
            } else if (!Character.isISOControl(c)) {
                name.append(c);
            }
        }
        String cleaned = strip(name.toString());
        return strip(cut(cleaned, MAX_LENGTH));
    }

    private static String strip(String name) {
        String s = name.strip();
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\'') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '\'') {
            end--;
        }
        return s.substring(start, end).strip();
    }

    /** At most max characters, never half of a surrogate pair. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
