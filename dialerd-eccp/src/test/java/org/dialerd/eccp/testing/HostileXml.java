package org.dialerd.eccp.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of hostile ECCP input, shared by the frame decoder's fuzz test and the
 * end-to-end hostile-input test (src-it, through this module's test jar). Every generator is a
 * pure function of the {@link Random} it is given, so a seed replays a run exactly.
 */
public final class HostileXml {
    /** What a generated input is, and whether the server must refuse it (400 without id, then close). */
    public enum Kind {
        MUTATED(false), TRUNCATED(false), DTD(true), ENTITY_BOMB(true), EXTERNAL_ENTITY(true),
        UNDECLARED_ENTITY(true), XINCLUDE(false), DEEP_NESTING(true), OVERSIZED(true), BINARY_GARBAGE(true);

        private final boolean refused;

        Kind(boolean refused) {
            this.refused = refused;
        }

        /** True: the only correct answer is the 400 without id, then the connection closes. */
        public boolean refused() {
            return refused;
        }
    }

    public record Sample(Kind kind, byte[] bytes) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Well-formed requests the mutations start from. */
    public static final List<String> VALID = List.of(
            "<request id=\"1\"><login><username>agentconsole</username><password>agentconsole</password></login>"
                    + "</request>\n",
            "<?xml version=\"1.0\"?>\n<request id=\"2\"><getpauses/></request>\n",
            "<request id=\"3\"><getagentstatus><agent_number>Agent/9000</agent_number></getagentstatus></request>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><request id=\"a&amp;b\"><getqueuescript><queue>8001</queue>"
                    + "</getqueuescript></request>\r\n",
            "<request id='4'><saveformdata><agent_number>Agent/9000</agent_number><forms><form id=\"1\">"
                    + "<field id=\"2\">Ba\u00f1o &#xF1; <![CDATA[<x>]]></field></form></forms></saveformdata></request>",
            "\uFEFF<!-- c --><?pi x?><request id=\"5\"><getcampaignlist><filtername>a&lt;b</filtername>"
                    + "</getcampaignlist></request>");

    private static final byte[] INTERESTING = "<>/&\"'?![]-=; \n\u0000#%:".getBytes(StandardCharsets.ISO_8859_1);

    private final Random random;
    private final String canaryUrl;
    private final int maxPacketBytes;

    /**
     * @param canaryUrl      what external entities and XIncludes point at (a file: or http: URL whose
     *                       content or connection the caller watches for)
     * @param maxPacketBytes the server's packet limit, for oversized packets
     */
    public HostileXml(Random random, String canaryUrl, int maxPacketBytes) {
        this.random = random;
        this.canaryUrl = canaryUrl;
        this.maxPacketBytes = maxPacketBytes;
    }

    public Sample next() {
        Kind[] kinds = Kind.values();
        return next(kinds[random.nextInt(kinds.length)]);
    }

    public Sample next(Kind kind) {
        return new Sample(kind, switch (kind) {
            case MUTATED -> mutated(utf8(pick(VALID)));
            case TRUNCATED -> truncated(utf8(pick(VALID)));
            case DTD -> utf8(dtd());
            case ENTITY_BOMB -> utf8(entityBomb());
            case EXTERNAL_ENTITY -> utf8(externalEntity());
            case UNDECLARED_ENTITY -> utf8("<request id=\"6\"><getqueuescript><queue>&" + pick(List.of("lol", "xxe",
                    "nbsp", "copy", "x" + random.nextInt(1000))) + ";</queue></getqueuescript></request>");
            case XINCLUDE -> utf8("<request id=\"7\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><getqueuescript>"
                    + "<queue><xi:include href=\"" + canaryUrl + "\" parse=\"text\"/></queue></getqueuescript>"
                    + "</request>");
            case DEEP_NESTING -> deepNesting();
            case OVERSIZED -> oversized();
            case BINARY_GARBAGE -> binaryGarbage();
        });
    }

    /** A few random edits (flip, insert, delete, duplicate) of a valid request. */
    public byte[] mutated(byte[] original) {
        byte[] bytes = original;
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && bytes.length > 0; e++) {
            int at = random.nextInt(bytes.length);
            bytes = switch (random.nextInt(4)) {
                case 0 -> {
                    byte[] copy = bytes.clone();
                    copy[at] = random.nextBoolean() ? (byte) (copy[at] ^ (1 << random.nextInt(8)))
                            : INTERESTING[random.nextInt(INTERESTING.length)];
                    yield copy;
                }
                case 1 -> splice(bytes, at, at, new byte[] {INTERESTING[random.nextInt(INTERESTING.length)]});
                case 2 -> splice(bytes, at, at + 1, new byte[0]);
                default -> {
                    int end = Math.min(bytes.length, at + 1 + random.nextInt(16));
                    byte[] piece = java.util.Arrays.copyOfRange(bytes, at, end);
                    yield splice(bytes, end, end, piece);
                }
            };
        }
        return bytes;
    }

    /** A valid request cut short: the server must wait for the rest, not answer or fail. */
    public byte[] truncated(byte[] original) {
        return java.util.Arrays.copyOf(original, 1 + random.nextInt(original.length - 1));
    }

    private String dtd() {
        return pick(List.of(
                "<!DOCTYPE request><request id=\"1\"><getpauses/></request>",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE request [<!ELEMENT request ANY>]><request id=\"1\"><getpauses/>"
                        + "</request>",
                "<!DOCTYPE request SYSTEM \"" + canaryUrl + "\"><request id=\"1\"><getpauses/></request>",
                "<!DOCTYPE request PUBLIC \"-//x//y\" \"" + canaryUrl + "\"><request id=\"1\"/>",
                "<request id=\"1\"><!DOCTYPE x><getpauses/></request>",
                "<!ENTITY x \"y\"><request id=\"1\"/>"));
    }

    private String entityBomb() {
        if (random.nextBoolean()) {
            StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
            for (int i = 1; i <= 9; i++) {
                laughs.append("<!ENTITY lol").append(i).append(" \"");
                laughs.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
            }
            return laughs.append("]><request id=\"1\"><getqueuescript><queue>&lol9;</queue></getqueuescript>"
                    + "</request>").toString();
        }
        // Quadratic blow-up: one large entity referenced many times.
        return "<!DOCTYPE r [<!ENTITY a \"" + "a".repeat(20_000) + "\">]><request id=\"1\"><getqueuescript><queue>"
                + "&a;".repeat(2_000) + "</queue></getqueuescript></request>";
    }

    private String externalEntity() {
        return pick(List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + canaryUrl + "\">]>"
                        + "<request id=\"1\"><getqueuescript><queue>&xxe;</queue></getqueuescript></request>",
                "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + canaryUrl + "\"> %p;]><request id=\"1\"><getpauses/></request>",
                "<!DOCTYPE r [<!ENTITY xxe PUBLIC \"-//x\" \"" + canaryUrl + "\">]><request id=\"&xxe;\">"
                        + "<getpauses/></request>"));
    }

    private byte[] deepNesting() {
        int depth = 65 + random.nextInt(10_000);
        StringBuilder xml = new StringBuilder("<request id=\"1\">");
        xml.append("<a>".repeat(depth));
        return utf8(xml.toString());
    }

    private byte[] oversized() {
        StringBuilder xml = new StringBuilder("<request id=\"1\"><getqueuescript><queue>");
        xml.append("x".repeat(maxPacketBytes + random.nextInt(1024)));
        return utf8(xml.append("</queue></getqueuescript></request>").toString());
    }

    /** Random bytes, starting with one that no XML document may start with. */
    private byte[] binaryGarbage() {
        byte[] bytes = new byte[1 + random.nextInt(4096)];
        random.nextBytes(bytes);
        byte[] badFirst = {0x00, 0x01, 0x07, 'A', 'z', '0', '{', (byte) 0xFF, (byte) 0x80, '>', '&'};
        bytes[0] = badFirst[random.nextInt(badFirst.length)];
        return bytes;
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        byte[] result = new byte[bytes.length - (to - from) + insert.length];
        System.arraycopy(bytes, 0, result, 0, from);
        System.arraycopy(insert, 0, result, from, insert.length);
        System.arraycopy(bytes, to, result, from + insert.length, bytes.length - to);
        return result;
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
