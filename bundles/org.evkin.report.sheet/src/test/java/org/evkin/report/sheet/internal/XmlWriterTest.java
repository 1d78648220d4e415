package org.evkin.report.sheet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The streaming XML writer: escaping, empty elements, balance. */
class XmlWriterTest {

    @Test
    void escapesTextAndAttributes() throws IOException {
        StringWriter out = new StringWriter();
        new XmlWriter(out).start("a").attr("v", "<\"&'>\n\t\r").text("<&>\"' \r\n\t").start("b").end()
                .element("c", "").end().finish();
        assertEquals("<a v=\"&lt;&quot;&amp;'&gt;&#10;&#9;&#13;\">&lt;&amp;&gt;\"' &#13;\n\t<b/><c></c></a>",
                out.toString());
    }

    @Test
    void replacesCharactersXmlCannotHold() throws IOException {
        StringWriter out = new StringWriter();
        new XmlWriter(out).start("t").text("a\u0000b\u0008c\uFFFEd\uD800e\uDC00f😀").end().finish();
        assertEquals("<t>a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf😀</t>", out.toString());
    }

    @Test
    void refusesMisuse() throws IOException {
        XmlWriter xml = new XmlWriter(new StringWriter());
        xml.start("a").text("x");
        assertThrows(IllegalStateException.class, () -> xml.attr("late", "1"));
        assertThrows(IllegalStateException.class, xml::finish);
    }
}
