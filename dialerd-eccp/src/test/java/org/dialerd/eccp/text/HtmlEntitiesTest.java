package org.dialerd.eccp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dialerd.eccp.text.HtmlEntities.Quotes;
import org.junit.jupiter.api.Test;

/** Expected values are what PHP 8's html_entity_decode($s, flags, 'UTF-8') gives. */
class HtmlEntitiesTest {
    private static String compat(String text) {
        return HtmlEntities.decode(text, Quotes.DOUBLE);
    }

    @Test
    void decodesTheStoredScriptOfCampaign2() {
        assertEquals("<p><strong>Buenos días</strong>, le llamamos de \"Cobranzas & Co.\"</p>\n"
                        + "<p>Verifique la cédula <b>antes</b> de continuar.</p>",
                compat("<p><strong>Buenos d&iacute;as</strong>, le llamamos de &quot;Cobranzas &amp; Co.&quot;</p>\n"
                        + "<p>Verifique la c&eacute;dula <b>antes</b> de continuar.</p>"));
        assertEquals("– ¡bienvenido!", compat("&ndash; &iexcl;bienvenido!"));
    }

    @Test
    void knowsExactlyTheHtml401NamedReferences() {
        assertEquals(252, HtmlEntities.namedCount());
        assertEquals("\u00A0\u00FF\u0152\u0192\u03D6\u2329\u232A\u25CA\u2666\u20AC\u2135",
                compat("&nbsp;&yuml;&OElig;&fnof;&piv;&lang;&rang;&loz;&diams;&euro;&alefsym;"));
        assertEquals("ΑΩαωςϑ", compat("&Alpha;&Omega;&alpha;&omega;&sigmaf;&thetasym;"));
    }

    @Test
    void namedReferencesAreCaseSensitive() {
        assertEquals("&AMP; &Nbsp; Éé", compat("&AMP; &Nbsp; &Eacute;&eacute;"));
    }

    @Test
    void leavesApostropheNamesAndUnknownNamesAlone() {
        assertEquals("&apos; &hellip2; &nosuch; &", compat("&apos; &hellip2; &nosuch; &amp;"));
    }

    @Test
    void decodesDecimalAndHexadecimalReferences() {
        assertEquals("A A A ñ 😀 –", compat("&#65; &#x41; &#X41; &#241; &#x1F600; &#0000008211;"));
    }

    @Test
    void keepsReferencesHtml401DoesNotAllow() {
        String kept = "&#0; &#8; &#11; &#127; &#128; &#159; &#xD800; &#xDFFF; &#xFDD0; &#xFDEF; &#xFFFE; &#x1FFFF;"
                + " &#x110000; &#99999999999999999999;";
        assertEquals(kept, compat(kept));
        assertEquals("\t\n\r ~\u00A0\uD7FF\uE000\uFDCF\uFDF0\uFFFD\uDBFF\uDFFD",
                compat("&#9;&#10;&#13;&#32;&#126;&#160;&#xD7FF;&#xE000;&#xFDCF;&#xFDF0;&#xFFFD;&#x10FFFD;"));
    }

    @Test
    void needsTheSemicolonAndDigits() {
        String kept = "&amp &lt &#65 &#x41 &#; &#x; &#xG1; &#12a; &#-1; & x &;";
        assertEquals(kept, compat(kept));
    }

    @Test
    void aBrokenReferenceDoesNotHideTheNextOne() {
        assertEquals("&amp<", compat("&amp&lt;"));
        assertEquals("&#65&", compat("&#65&amp;"));
        assertEquals("&&", compat("&&amp;"));
    }

    @Test
    void decodesOnePassOnly() {
        assertEquals("&lt; &amp; &#233;", compat("&amp;lt; &amp;amp; &amp;#233;"));
    }

    @Test
    void quoteModesFollowPhpFlags() {
        String quotes = "&quot; &#34; &#x22; &#39; &#x27; &#039;";
        assertEquals("\" \" \" &#39; &#x27; &#039;", HtmlEntities.decode(quotes, Quotes.DOUBLE));
        assertEquals("\" \" \" ' ' '", HtmlEntities.decode(quotes, Quotes.BOTH));
        assertEquals(quotes, HtmlEntities.decode(quotes, Quotes.NONE));
        assertEquals("&apos;", HtmlEntities.decode("&apos;", Quotes.BOTH));
    }

    @Test
    void returnsTextWithoutAmpersandUnchanged() {
        String plain = "Hello, this is the outgoing script";
        assertSame(plain, compat(plain));
    }

    @Test
    void html401AllowsTheRangesPhpAllows() {
        assertTrue(HtmlEntities.allowedInHtml401(0x10FFFD));
        assertFalse(HtmlEntities.allowedInHtml401(0x10FFFF));
        assertFalse(HtmlEntities.allowedInHtml401(0x7F));
        assertFalse(HtmlEntities.allowedInHtml401(0x0C));
    }
}
