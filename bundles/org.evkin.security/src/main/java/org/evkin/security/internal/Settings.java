package org.evkin.security.internal;

/** Checks of configuration values that fail with a message naming the setting and its file. */
final class Settings {

    static final String CONFIG_FILE = "config/org.evkin.security.cfg";

    private Settings() {
    }

    /** The value if it lies within [min, max]; otherwise an IllegalArgumentException naming the setting. */
    static int inRange(String setting, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("setting '" + setting + "' in " + CONFIG_FILE + " must be between " + min
                    + " and " + max + ", not " + value);
        }
        return value;
    }
}
