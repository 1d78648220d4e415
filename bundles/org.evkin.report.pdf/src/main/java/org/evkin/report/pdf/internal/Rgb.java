package org.evkin.report.pdf.internal;

/** A colour as three 0–1 components (no AWT), with the WCAG contrast helpers used to pick readable text on fills. */
record Rgb(float r, float g, float b) {

    static final Rgb BLACK = hex(0x000000);
    static final Rgb WHITE = hex(0xFFFFFF);

    static Rgb hex(int rgb) {
        return new Rgb(((rgb >> 16) & 0xFF) / 255f, ((rgb >> 8) & 0xFF) / 255f, (rgb & 0xFF) / 255f);
    }

    /** WCAG relative luminance. */
    double luminance() {
        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    }

    /** Black or white, whichever contrasts more with this colour as a background. */
    Rgb readableText() {
        double l = luminance();
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? BLACK : WHITE;
    }

    private static double linear(float c) {
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
