package org.dialerd.eccp.text;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Decodes HTML 4.01 character references exactly as PHP's
 * {@code html_entity_decode($text, $quotes, 'UTF-8')} does with the default HTML 4.01 document
 * type: the web UI's script editor stores campaign scripts with entities, and the reference
 * daemon decodes them before sending the script to agent consoles.
 *
 * <pre>{@code
 * decode("Buenos d&iacute;as &amp; &quot;hola&quot; &#8211; &#x41;", Quotes.DOUBLE)
 *   -> Buenos días & "hola" – A
 * }</pre>
 *
 * <ul>
 *   <li>The 252 named references of HTML 4.01, case-sensitive, each ending in {@code ;}.
 *       {@code &apos;} is not one of them and stays as it is.</li>
 *   <li>{@code &#NNN;} and {@code &#xHHH;} (or {@code &#XHHH;}) for code points HTML 4.01 allows:
 *       tab, newline, carriage return, U+0020..U+007E, U+00A0..U+D7FF and U+E000..U+10FFFF except
 *       the non-characters U+FDD0..U+FDEF and U+xxFFFE/U+xxFFFF. Others ({@code &#0;},
 *       {@code &#128;}, surrogates) stay as written.</li>
 *   <li>References to {@code "} and {@code '} are decoded only as {@link Quotes} allows
 *       (PHP's ENT_NOQUOTES, ENT_COMPAT, ENT_QUOTES).</li>
 *   <li>Anything else, including a reference without its {@code ;}, is copied unchanged; one
 *       pass only, so {@code &amp;lt;} becomes {@code &lt;}.</li>
 * </ul>
 */
public final class HtmlEntities {
    /** Which quote characters references may produce, as PHP's ENT_* quote flags. */
    public enum Quotes {
        /** ENT_NOQUOTES: neither {@code "} nor {@code '}. */
        NONE(false, false),
        /** ENT_COMPAT: {@code "} only. */
        DOUBLE(true, false),
        /** ENT_QUOTES: both. */
        BOTH(true, true);

        private final boolean decodesDouble;
        private final boolean decodesSingle;

        Quotes(boolean decodesDouble, boolean decodesSingle) {
            this.decodesDouble = decodesDouble;
            this.decodesSingle = decodesSingle;
        }
    }

    /** HTMLlat1: U+00A0..U+00FF in code point order. */
    private static final String LATIN1 = "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy"
            + " reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34"
            + " iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute"
            + " Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute"
            + " THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave"
            + " iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml"
            + " yacute thorn yuml";

    /** HTMLspecial and HTMLsymbol: name=hex code point. */
    private static final String OTHERS = "quot=22 amp=26 lt=3C gt=3E OElig=152 oelig=153 Scaron=160"
            + " scaron=161 Yuml=178 fnof=192 circ=2C6 tilde=2DC Alpha=391 Beta=392 Gamma=393 Delta=394 Epsilon=395"
            + " Zeta=396 Eta=397 Theta=398 Iota=399 Kappa=39A Lambda=39B Mu=39C Nu=39D Xi=39E Omicron=39F Pi=3A0"
            + " Rho=3A1 Sigma=3A3 Tau=3A4 Upsilon=3A5 Phi=3A6 Chi=3A7 Psi=3A8 Omega=3A9 alpha=3B1 beta=3B2"
            + " gamma=3B3 delta=3B4 epsilon=3B5 zeta=3B6 eta=3B7 theta=3B8 iota=3B9 kappa=3BA lambda=3BB mu=3BC"
            + " nu=3BD xi=3BE omicron=3BF pi=3C0 rho=3C1 sigmaf=3C2 sigma=3C3 tau=3C4 upsilon=3C5 phi=3C6 chi=3C7"
            + " psi=3C8 omega=3C9 thetasym=3D1 upsih=3D2 piv=3D6 ensp=2002 emsp=2003 thinsp=2009 zwnj=200C"
            + " zwj=200D lrm=200E rlm=200F ndash=2013 mdash=2014 lsquo=2018 rsquo=2019 sbquo=201A ldquo=201C"
            + " rdquo=201D bdquo=201E dagger=2020 Dagger=2021 bull=2022 hellip=2026 permil=2030 prime=2032"
            + " Prime=2033 lsaquo=2039 rsaquo=203A oline=203E frasl=2044 euro=20AC image=2111 weierp=2118"
            + " real=211C trade=2122 alefsym=2135 larr=2190 uarr=2191 rarr=2192 darr=2193 harr=2194 crarr=21B5"
            + " lArr=21D0 uArr=21D1 rArr=21D2 dArr=21D3 hArr=21D4 forall=2200 part=2202 exist=2203 empty=2205"
            + " nabla=2207 isin=2208 notin=2209 ni=220B prod=220F sum=2211 minus=2212 lowast=2217 radic=221A"
            + " prop=221D infin=221E ang=2220 and=2227 or=2228 cap=2229 cup=222A int=222B there4=2234 sim=223C"
            + " cong=2245 asymp=2248 ne=2260 equiv=2261 le=2264 ge=2265 sub=2282 sup=2283 nsub=2284 sube=2286"
            + " supe=2287 oplus=2295 otimes=2297 perp=22A5 sdot=22C5 lceil=2308 rceil=2309 lfloor=230A"
            + " rfloor=230B lang=2329 rang=232A loz=25CA spades=2660 clubs=2663 hearts=2665 diams=2666";

    private static final Map<String, Integer> NAMED = named();

    /** More significant digits than this are beyond U+10FFFF in either base (and would overflow an int). */
    private static final int MAX_DIGITS = 7;

    private HtmlEntities() {
    }

    /** The number of named references known: the 252 of HTML 4.01. */
    static int namedCount() {
        return NAMED.size();
    }

    public static String decode(String text, Quotes quotes) {
        Objects.requireNonNull(quotes, "quotes");
        int amp = text.indexOf('&');
        if (amp < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copiedTo = 0;
        for (; amp >= 0; amp = text.indexOf('&', amp + 1)) {
            int semicolon = referenceEnd(text, amp);
            if (semicolon < 0) {
                continue;
            }
            int codePoint = resolve(text.substring(amp + 1, semicolon));
            if (codePoint < 0 || (codePoint == '"' && !quotes.decodesDouble)
                    || (codePoint == '\'' && !quotes.decodesSingle)) {
                continue;
            }
            out.append(text, copiedTo, amp).appendCodePoint(codePoint);
            copiedTo = semicolon + 1;
            amp = semicolon;
        }
        return out.append(text, copiedTo, text.length()).toString();
    }

    /**
     * The index of the {@code ;} closing a reference that starts at {@code amp}: letters and
     * digits (or {@code #}, an optional {@code x}/{@code X} and digits) then {@code ;}; else -1.
     */
    private static int referenceEnd(String text, int amp) {
        int i = amp + 1;
        if (i < text.length() && text.charAt(i) == '#') {
            i++;
            if (i < text.length() && (text.charAt(i) == 'x' || text.charAt(i) == 'X')) {
                i++;
            }
        }
        int start = i;
        while (i < text.length() && isAsciiLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i > start && i < text.length() && text.charAt(i) == ';' ? i : -1;
    }

    /** The code point a reference body (between {@code &} and {@code ;}) stands for, or -1. */
    private static int resolve(String body) {
        if (body.charAt(0) != '#') {
            return NAMED.getOrDefault(body, -1);
        }
        boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
        String digits = body.substring(hex ? 2 : 1).replaceFirst("^0+(?=.)", "");
        if (digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> hex ? isHexDigit(c) : isDigit(c))) {
            return -1;
        }
        int codePoint = Integer.parseInt(digits, hex ? 16 : 10);
        return allowedInHtml401(codePoint) ? codePoint : -1;
    }

    /** PHP's unicode_cp_is_allowed for the HTML 4.01 document type. */
    static boolean allowedInHtml401(int cp) {
        return cp == 0x09 || cp == 0x0A || cp == 0x0D
                || (cp >= 0x20 && cp <= 0x7E)
                || (cp >= 0xA0 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0x10FFFF && (cp & 0xFFFF) < 0xFFFE && (cp < 0xFDD0 || cp > 0xFDEF));
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static Map<String, Integer> named() {
        Map<String, Integer> named = new HashMap<>();
        String[] latin1 = LATIN1.split(" ");
        for (int i = 0; i < latin1.length; i++) {
            named.put(latin1[i], 0xA0 + i);
        }
        for (String pair : OTHERS.split(" ")) {
            int equals = pair.indexOf('=');
            named.put(pair.substring(0, equals), Integer.parseInt(pair.substring(equals + 1), 16));
        }
        return Map.copyOf(named);
    }
}
