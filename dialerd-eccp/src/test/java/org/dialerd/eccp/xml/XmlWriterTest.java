package org.dialerd.eccp.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class XmlWriterTest {

    @Test
    void writesEmptyElementsSelfClosing() {
        assertEquals("<success/>", XmlWriter.toXml(XmlElement.empty("success")));
        assertEquals("<urltemplate/>", XmlWriter.toXml(XmlElement.text("urltemplate", "")));
        assertEquals("<campaigns/>", XmlWriter.toXml(XmlElement.of("campaigns")));
        assertEquals("<pause id=\"2\"/>", XmlWriter.toXml(XmlElement.builder("pause").attribute("id", 2).build()));
    }

    @Test
    void writesNestedElementsWithoutIndentation() {
        XmlElement response = XmlElement.builder("response").attribute("id", "1")
                .add(XmlElement.of("login_response", XmlElement.empty("success"),
                        XmlElement.text("app_cookie", "1be27c6c6fef656d2180240b162d30cb")))
                .build();

        assertEquals("<response id=\"1\"><login_response><success/><app_cookie>1be27c6c6fef656d2180240b162d30cb"
                + "</app_cookie></login_response></response>", XmlWriter.toXml(response));
    }

    @Test
    void keepsAttributeInsertionOrder() {
        XmlElement field = XmlElement.builder("field").attribute("order", 1).attribute("id", 3).build();
        XmlElement form = XmlElement.builder("form").attribute("id", 2).attribute("name", "Datos de venta")
                .attribute("status", "A").build();

        assertEquals("<field order=\"1\" id=\"3\"/>", XmlWriter.toXml(field));
        assertEquals("<form id=\"2\" name=\"Datos de venta\" status=\"A\"/>", XmlWriter.toXml(form));
    }

    @Test
    void escapesAmpersandAndAngleBracketsInTextButNotQuotes() {
        XmlElement script = XmlElement.text("script", "<p>le llamamos de \"Cobranzas & Co.\"</p>");

        assertEquals("<script>&lt;p&gt;le llamamos de \"Cobranzas &amp; Co.\"&lt;/p&gt;</script>",
                XmlWriter.toXml(script));
    }

    @Test
    void escapesQuotesInAttributesAsTheReferenceEchoesIds() {
        XmlElement response = XmlElement.builder("response").attribute("id", "a&b <1> \"q\"").build();

        assertEquals("<response id=\"a&amp;b &lt;1&gt; &quot;q&quot;\"/>", XmlWriter.toXml(response));
    }

    @Test
    void writesNonAsciiAsUpperCaseHexReferencesWithoutPadding() {
        assertEquals("<name>Ba&#xF1;o</name>", XmlWriter.toXml(XmlElement.text("name", "Baño")));
        assertEquals("<x>&#xED;&#x2026;&#x2013;&#xD1;</x>", XmlWriter.toXml(XmlElement.text("x", "í…–Ñ")));
        assertEquals("<x>&#x80;&#xFFFD;</x>", XmlWriter.toXml(XmlElement.text("x", "\u0080\uFFFD")));
    }

    @Test
    void writesASurrogatePairAsOneCodePoint() {
        assertEquals("<x>smile &#x1F600;!</x>", XmlWriter.toXml(XmlElement.text("x", "smile \uD83D\uDE00!")));
        assertEquals("<x a=\"&#x1F600;\"/>",
                XmlWriter.toXml(XmlElement.builder("x").attribute("a", "\uD83D\uDE00").build()));
    }

    @Test
    void writesNonAsciiInAttributesAsHexReferences() {
        XmlElement form = XmlElement.builder("form").attribute("name", "Encuesta de satisfacción").build();

        assertEquals("<form name=\"Encuesta de satisfacci&#xF3;n\"/>", XmlWriter.toXml(form));
    }

    @Test
    void writesNewlineAndTabInTextRaw() {
        assertEquals("<script>line 1\nline\t2</script>", XmlWriter.toXml(XmlElement.text("script", "line 1\nline\t2")));
    }

    @Test
    void writesCarriageReturnInTextAsReferenceSoParsersKeepIt() {
        assertEquals("<x>a&#13;\nb</x>", XmlWriter.toXml(XmlElement.text("x", "a\r\nb")));
    }

    @Test
    void writesLineBreaksAndTabsInAttributesAsReferencesSoNormalizationKeepsThem() {
        XmlElement element = XmlElement.builder("x").attribute("id", "a\nb\tc\rd").build();

        assertEquals("<x id=\"a&#10;b&#9;c&#13;d\"/>", XmlWriter.toXml(element));
    }

    @Test
    void dropsCharactersXmlCannotCarry() {
        assertEquals("<x>ab</x>", XmlWriter.toXml(XmlElement.text("x", "a\u0000\u0001\u0008\u000B\u000C\u001Fb")));
        assertEquals("<x>ab</x>", XmlWriter.toXml(XmlElement.text("x", "a\uFFFE\uFFFFb")));
        assertEquals("<x a=\"ab\"/>", XmlWriter.toXml(XmlElement.builder("x").attribute("a", "a\u0007b").build()));
    }

    @Test
    void dropsUnpairedSurrogates() {
        assertEquals("<x>ab</x>", XmlWriter.toXml(XmlElement.text("x", "a\uD83Db")));
        assertEquals("<x>ab</x>", XmlWriter.toXml(XmlElement.text("x", "a\uDE00b")));
        assertEquals("<x>a</x>", XmlWriter.toXml(XmlElement.text("x", "a\uD83D")));
    }

    @Test
    void writesPureAscii() {
        String xml = XmlWriter.toXml(XmlElement.builder("x").attribute("a", "ñ\u0001\uD800")
                .add(XmlElement.text("y", "日本語 \uD83D\uDE00 \u0085 \u2028")).build());

        assertTrue(xml.chars().allMatch(c -> c >= 0x20 && c < 0x7F), xml);
    }

    @Test
    void reproducesTheReferenceGetpausesAnswerByteForByte() {
        XmlElement response = XmlElement.builder("response").attribute("id", "8")
                .add(XmlElement.of("getpauses_response",
                        pause(5, "Baño", "A", "Para ir al baño"),
                        pause(6, "Capacitación & reunión", "I", "Pausa desactivada")))
                .build();

        assertEquals("<response id=\"8\"><getpauses_response>"
                + "<pause id=\"5\"><name>Ba&#xF1;o</name><status>A</status><type>B</type>"
                + "<description>Para ir al ba&#xF1;o</description></pause>"
                + "<pause id=\"6\"><name>Capacitaci&#xF3;n &amp; reuni&#xF3;n</name><status>I</status><type>B</type>"
                + "<description>Pausa desactivada</description></pause>"
                + "</getpauses_response></response>", XmlWriter.toXml(response));
    }

    @Test
    void appendsToTheGivenBuilder() {
        StringBuilder out = new StringBuilder("prefix:");

        XmlWriter.write(XmlElement.text("a", "b"), out);

        assertEquals("prefix:<a>b</a>", out.toString());
    }

    @Test
    void elementToStringIsItsXml() {
        assertEquals("<a><b>c</b></a>", XmlElement.of("a", XmlElement.text("b", "c")).toString());
    }

    private static XmlElement pause(int id, String name, String status, String description) {
        return XmlElement.builder("pause").attribute("id", id)
                .add("name", name).add("status", status).add("type", "B").add("description", description)
                .build();
    }
}
