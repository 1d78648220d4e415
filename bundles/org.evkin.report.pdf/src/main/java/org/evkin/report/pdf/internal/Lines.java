package org.evkin.report.pdf.internal;

import java.util.ArrayList;
import java.util.List;

/** Breaks text into lines that fit a width: at spaces, then after '-' or '/', then anywhere in a word too long. */
final class Lines {

    private Lines() {
    }

    /** The lines of a text (hard line breaks kept) in a face and size within a width; at least one line. */
    static List<String> wrap(String text, FontFace face, float size, float width) {
        List<String> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            lines.add("");
            return lines;
        }
        for (String paragraph : text.split("\\r?\\n", -1)) {
            wrapParagraph(face.clean(paragraph).strip(), face, size, Math.max(width, 1), lines);
        }
        return lines;
    }

    private static void wrapParagraph(String text, FontFace face, float size, float width, List<String> lines) {
        if (text.isEmpty()) {
            lines.add("");
            return;
        }
        float space = face.width(" ", size);
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (String word : text.split(" +")) {
            float w = face.width(word, size);
            if (line.length() > 0 && lineWidth + space + w <= width) {
                line.append(' ').append(word);
                lineWidth += space + w;
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
            }
            if (w <= width) {
                line.append(word);
                lineWidth = w;
                continue;
            }
            // a word wider than the line: its pieces each fill a line, the last piece starts the next line
            List<String> pieces = split(word, face, size, width);
            for (int i = 0; i < pieces.size() - 1; i++) {
                lines.add(pieces.get(i));
            }
            line.append(pieces.get(pieces.size() - 1));
            lineWidth = face.width(line.toString(), size);
        }
        lines.add(line.toString());
    }

    /** Pieces of a long word, each within the width, broken after a hyphen or slash where one fits. */
    private static List<String> split(String word, FontFace face, float size, float width) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < word.length()) {
            int end = start + 1;
            int lastBreak = -1;
            while (end <= word.length() && face.width(word.substring(start, end), size) <= width) {
                char c = word.charAt(end - 1);
                if ((c == '-' || c == '/') && end < word.length()) {
                    lastBreak = end;
                }
                end++;
            }
            int cut = end - 1;
            if (cut >= word.length()) {
                pieces.add(word.substring(start));
                break;
            }
            if (lastBreak > start) {
                cut = lastBreak;
            }
            if (cut <= start) {
                cut = start + 1;
            }
            pieces.add(word.substring(start, cut));
            start = cut;
        }
        return pieces;
    }

    /** The text cut to a width with an ellipsis when it does not fit. */
    static String fit(String text, FontFace face, float size, float width) {
        String clean = face.clean(text);
        if (face.width(clean, size) <= width) {
            return clean;
        }
        String ellipsis = face.has('\u2026') ? "\u2026" : "...";
        int end = clean.length();
        while (end > 0 && face.width(clean.substring(0, end) + ellipsis, size) > width) {
            end--;
        }
        return clean.substring(0, end).stripTrailing() + ellipsis;
    }
}
