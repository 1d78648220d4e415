package org.evkin.report.pdf.internal;

import java.util.List;

/** The colours of the PDFs: table fills and chart colours, each bar colour at least 3:1 against white. */
final class Palette {

    static final Rgb TEXT = Rgb.hex(0x1A1A1A);
    static final Rgb MUTED = Rgb.hex(0x4D4D4D);
    static final Rgb RULE = Rgb.hex(0x7F7F7F);
    static final Rgb GRID = Rgb.hex(0xD0D0D0);
    static final Rgb SECTION = Rgb.hex(0x1F4E79);
    static final Rgb HEADER = Rgb.hex(0xDCE6F2);
    static final Rgb TOTAL = Rgb.hex(0xF2F2F2);
    static final Rgb CONCLUSION = Rgb.hex(0xFFF2CC);
    static final Rgb NOTE = Rgb.hex(0xFDF6E3);
    static final Rgb NOTE_RULE = Rgb.hex(0xB58900);
    static final Rgb TICK = Rgb.hex(0x1B5E20);

    /** Series (levels, programs): an Okabe–Ito based set, distinguishable with colour-vision deficiencies. */
    static final List<Rgb> SERIES = List.of(Rgb.hex(0x0072B2), Rgb.hex(0xD55E00), Rgb.hex(0x009E73), Rgb.hex(0x6A3D9A),
            Rgb.hex(0xC51B7D), Rgb.hex(0x8C510A), Rgb.hex(0x01665E), Rgb.hex(0x5E3C99));

    /** The five predikat, Sangat Tinggi … Sangat Rendah: blue through grey to red. */
    static final List<Rgb> PREDICATES = List.of(Rgb.hex(0x2166AC), Rgb.hex(0x4393C3), Rgb.hex(0x757575), Rgb.hex(0xD55E00),
            Rgb.hex(0xB2182B));

    private Palette() {
    }

    static Rgb series(int i) {
        return SERIES.get(i % SERIES.size());
    }
}
