package org.evkin.report.sheet.internal;

import java.io.IOException;

/**
 * The cell styles of the workbook (its styles.xml); a style's index in cellXfs is its ordinal. Number formats: COUNT
 * "0", MEAN "0.00", PERCENT "0%" (the cell holds the fraction, 33 % → 0.33). Excel and LibreOffice show the decimal
 * separator of the reader's locale.
 */
enum XlsxStyle {
    DEFAULT(Font.NORMAL, Fill.NONE, Border.NONE, 0, null, false, false),
    TITLE(Font.TITLE, Fill.NONE, Border.NONE, 0, null, false, false),
    NOTE(Font.ITALIC, Fill.NONE, Border.NONE, 0, null, false, false),
    LABEL(Font.BOLD, Fill.NONE, Border.NONE, 0, null, false, false),
    LINK(Font.LINK, Fill.NONE, Border.NONE, 0, null, false, false),
    HEADER(Font.BOLD, Fill.HEADER, Border.BOTTOM, 0, "center", true, false),
    TEXT(Font.NORMAL, Fill.NONE, Border.NONE, 0, null, true, false),
    /** Text that starts like a formula: Excel's quote prefix keeps it text even when the cell is edited. */
    TEXT_GUARDED(Font.NORMAL, Fill.NONE, Border.NONE, 0, null, true, true),
    COUNT(Font.NORMAL, Fill.NONE, Border.NONE, NumberFormat.INTEGER.id, null, false, false),
    MEAN(Font.NORMAL, Fill.NONE, Border.NONE, NumberFormat.DECIMAL.id, null, false, false),
    PERCENT(Font.NORMAL, Fill.NONE, Border.NONE, NumberFormat.PERCENT.id, null, false, false),
    /** The "-" of a mean over nobody, aligned with the numbers. */
    DASH(Font.NORMAL, Fill.NONE, Border.NONE, 0, "right", false, false),
    TOTAL_TEXT(Font.BOLD, Fill.NONE, Border.TOP, 0, null, true, false),
    TOTAL_TEXT_GUARDED(Font.BOLD, Fill.NONE, Border.TOP, 0, null, true, true),
    TOTAL_COUNT(Font.BOLD, Fill.NONE, Border.TOP, NumberFormat.INTEGER.id, null, false, false),
    TOTAL_MEAN(Font.BOLD, Fill.NONE, Border.TOP, NumberFormat.DECIMAL.id, null, false, false),
    TOTAL_PERCENT(Font.BOLD, Fill.NONE, Border.TOP, NumberFormat.PERCENT.id, null, false, false),
    TOTAL_DASH(Font.BOLD, Fill.NONE, Border.TOP, 0, "right", false, false);

    /** The workbook's own number formats (ids from 164, where custom formats start). */
    enum NumberFormat {
        INTEGER(164, "0"), DECIMAL(165, "0.00"), PERCENT(166, "0%");

        final int id;
        final String code;

        NumberFormat(int id, String code) {
            this.id = id;
            this.code = code;
        }
    }

    private enum Font { NORMAL, BOLD, TITLE, ITALIC, LINK }

    private enum Fill { NONE, GRAY125, HEADER }

    private enum Border { NONE, BOTTOM, TOP }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private final Font font;
    private final Fill fill;
    private final Border border;
    private final int numberFormat;
    private final String horizontal;
    private final boolean wrap;
    private final boolean quotePrefix;

    XlsxStyle(Font font, Fill fill, Border border, int numberFormat, String horizontal, boolean wrap,
            boolean quotePrefix) {
        this.font = font;
        this.fill = fill;
        this.border = border;
        this.numberFormat = numberFormat;
        this.horizontal = horizontal;
        this.wrap = wrap;
        this.quotePrefix = quotePrefix;
    }

    /** The style of a TEXT cell in a body or total row. */
    static XlsxStyle text(String value, boolean total) {
        boolean guarded = Cells.formulaLike(value);
        if (total) {
            return guarded ? TOTAL_TEXT_GUARDED : TOTAL_TEXT;
        }
        return guarded ? TEXT_GUARDED : TEXT;
    }

    /** xl/styles.xml, after its XML declaration. */
    static void write(XmlWriter xml) throws IOException {
        xml.start("styleSheet").attr("xmlns", MAIN);

        xml.start("numFmts").attr("count", NumberFormat.values().length);
        for (NumberFormat format : NumberFormat.values()) {
            xml.start("numFmt").attr("numFmtId", format.id).attr("formatCode", format.code).end();
        }
        xml.end();

        xml.start("fonts").attr("count", Font.values().length);
        for (Font f : Font.values()) {
            xml.start("font");
            if (f == Font.BOLD || f == Font.TITLE) {
                xml.start("b").end();
            }
            if (f == Font.ITALIC) {
                xml.start("i").end();
            }
            if (f == Font.LINK) {
                xml.start("u").end();
            }
            xml.start("sz").attr("val", f == Font.TITLE ? "13" : "11").end();
            if (f == Font.LINK) {
                xml.start("color").attr("rgb", "FF0563C1").end();
            }
            xml.start("name").attr("val", "Calibri").end();
            xml.start("family").attr("val", "2").end();
            xml.end();
        }
        xml.end();

        xml.start("fills").attr("count", Fill.values().length);
        for (Fill f : Fill.values()) {
            xml.start("fill").start("patternFill");
            switch (f) {
                case NONE -> xml.attr("patternType", "none");
                case GRAY125 -> xml.attr("patternType", "gray125");
                case HEADER -> xml.attr("patternType", "solid").start("fgColor").attr("rgb", "FFDDEBF7").end()
                        .start("bgColor").attr("indexed", "64").end();
            }
            xml.end().end();
        }
        xml.end();

        xml.start("borders").attr("count", Border.values().length);
        for (Border b : Border.values()) {
            xml.start("border").start("left").end().start("right").end();
            side(xml, "top", b == Border.TOP);
            side(xml, "bottom", b == Border.BOTTOM);
            xml.start("diagonal").end().end();
        }
        xml.end();

        xml.start("cellStyleXfs").attr("count", 1)
                .start("xf").attr("numFmtId", 0).attr("fontId", 0).attr("fillId", 0).attr("borderId", 0).end()
                .end();

        xml.start("cellXfs").attr("count", values().length);
        for (XlsxStyle s : values()) {
            xml.start("xf").attr("numFmtId", s.numberFormat).attr("fontId", s.font.ordinal())
                    .attr("fillId", s.fill.ordinal()).attr("borderId", s.border.ordinal()).attr("xfId", 0);
            if (s.numberFormat != 0) {
                xml.attr("applyNumberFormat", "1");
            }
            if (s.font != Font.NORMAL) {
                xml.attr("applyFont", "1");
            }
            if (s.fill != Fill.NONE) {
                xml.attr("applyFill", "1");
            }
            if (s.border != Border.NONE) {
                xml.attr("applyBorder", "1");
            }
            if (s.quotePrefix) {
                xml.attr("quotePrefix", "1");
            }
            if (s.horizontal != null || s.wrap || s != DEFAULT) {
                xml.attr("applyAlignment", "1").start("alignment").attr("horizontal", s.horizontal)
                        .attr("vertical", s == HEADER ? "center" : "top").attr("wrapText", s.wrap ? "1" : null).end();
            }
            xml.end();
        }
        xml.end();

        xml.start("cellStyles").attr("count", 1)
                .start("cellStyle").attr("name", "Normal").attr("xfId", 0).attr("builtinId", 0).end()
                .end();
        xml.end().finish();
    }

    private static void side(XmlWriter xml, String side, boolean thin) throws IOException {
        xml.start(side);
        if (thin) {
            xml.attr("style", "thin").start("color").attr("auto", "1").end();
        }
        xml.end();
    }
}
