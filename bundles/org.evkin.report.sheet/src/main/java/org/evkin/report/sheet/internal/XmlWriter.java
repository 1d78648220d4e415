package org.evkin.report.sheet.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming XML writer: elements, attributes and text, every value escaped, characters XML 1.0 does not allow
 * replaced by U+FFFD, a carriage return kept as a character reference. Element names are the caller's constants.
 */
final class XmlWriter {

    private final Writer out;
    private final Deque<String> open = new ArrayDeque<>();
    private boolean inStartTag;

    XmlWriter(Writer out) {
        this.out = out;
    }

    /** The XML declaration (UTF-8, standalone). */
    XmlWriter declaration() throws IOException {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        return this;
    }

    /** Opens an element. */
    XmlWriter start(String name) throws IOException {
        closeStartTag();
        out.write('<');
        out.write(name);
        open.push(name);
        inStartTag = true;
        return this;
    }

    /** An attribute of the element just opened (a null value writes nothing). */
    XmlWriter attr(String name, String value) throws IOException {
        if (!inStartTag) {
            throw new IllegalStateException("attribute " + name + " outside a start tag");
        }
        if (value != null) {
            out.write(' ');
            out.write(name);
            out.write("=\"");
            escape(value, true);
            out.write('"');
        }
        return this;
    }

    /** A numeric attribute. */
    XmlWriter attr(String name, long value) throws IOException {
        return attr(name, Long.toString(value));
    }

    /** Text content. */
    XmlWriter text(String value) throws IOException {
        closeStartTag();
        escape(value, false);
        return this;
    }

    /** Closes the innermost open element ({@code <a/>} when it is empty). */
    XmlWriter end() throws IOException {
        String name = open.pop();
        if (inStartTag) {
            out.write("/>");
            inStartTag = false;
        } else {
            out.write("</");
            out.write(name);
            out.write('>');
        }
        return this;
    }

    /** An element holding only text. */
    XmlWriter element(String name, String text) throws IOException {
        return start(name).text(text).end();
    }

    /** Checks that every element was closed and flushes the writer (which stays open). */
    void finish() throws IOException {
        if (!open.isEmpty()) {
            throw new IllegalStateException("elements left open: " + open);
        }
        out.flush();
    }

    private void closeStartTag() throws IOException {
        if (inStartTag) {
            out.write('>');
            inStartTag = false;
        }
    }

    private void escape(String value, boolean attribute) throws IOException {
        int start = 0;
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            String replacement;
            if (c == '&') {
                replacement = "&amp;";
            } else if (c == '<') {
                replacement = "&lt;";
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (c == '"' && attribute) {
                replacement = "&quot;";
            } else if (c == '\r') {
                replacement = "&#13;";
            } else if ((c == '\n' || c == '\t') && attribute) {
                replacement = c == '\n' ? "&#10;" : "&#9;";
            } else if (c < 0x20 && c != '\n' && c != '\t') {
                replacement = "\uFFFD";
            } else if (c == '\uFFFE' || c == '\uFFFF') {
                replacement = "\uFFFD";
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                replacement = "\uFFFD";
            } else if (Character.isLowSurrogate(c)) {
                replacement = "\uFFFD";
            } else {
                continue;
            }
            out.write(value, start, i - start);
            out.write(replacement);
            start = i + 1;
        }
        out.write(value, start, n - start);
    }
}
