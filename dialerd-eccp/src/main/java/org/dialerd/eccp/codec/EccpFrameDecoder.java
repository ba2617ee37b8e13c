package org.dialerd.eccp.codec;

import com.fasterxml.aalto.AsyncByteArrayFeeder;
import com.fasterxml.aalto.AsyncXMLStreamReader;
import com.fasterxml.aalto.UncheckedStreamException;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.dialerd.eccp.xml.XmlElement;

/**
 * First stage: cuts the TCP byte stream into XML documents and parses each into an
 * {@link XmlElement}. ECCP has no length prefix or delimiter; a packet ends where its root element
 * closes.
 *
 * <pre>{@code
 * bytes in:  <?xml version="1.0"?>\n<request id="1"><getpauses/></request>\n<request id="2"><getpa
 * out:       <request id="1"><getpauses/></request>        (the second packet is waited for)
 *
 * bytes in:  <request id="3"><getpauses></request>
 * out:       DecodeFailure("not well-formed: end tag does not match <getpauses>", fatal=true)
 *            as soon as the 'r' of "</r" arrives; every further byte is discarded
 *            (the handler answers 400 and closes)
 * }</pre>
 *
 * <p>Accepted before a packet: whitespace, a UTF-8 byte order mark, an XML declaration (with or
 * without {@code encoding}; the bytes are always read as UTF-8), comments and processing
 * instructions. A packet may arrive split at any byte and several may arrive in one read.
 * Namespaces are not part of ECCP: a prefixed name is kept as written ({@code p:b}), {@code xmlns}
 * declarations are not kept as attributes, and an undeclared prefix is refused by the parser.
 *
 * <p>Well-formedness is checked as the bytes arrive, by two parts fed the same bytes at once:
 * {@link RootEndScanner} frames the stream (finds where the root closes, matches each end tag with
 * its start tag, refuses DOCTYPE) and Aalto's non-blocking parser checks everything else and yields
 * the tree. So an error is answered as soon as the bytes show it, and a packet that is merely
 * incomplete is waited for. Each packet gets a fresh parser that sees only that packet's bytes, so
 * every packet may start with its own XML declaration.
 *
 * <p>Limits and refusals, each a fatal {@link DecodeFailure} naming the limit: a packet longer than
 * {@code maxPacketBytes}, counted from its first non-whitespace byte (the whitespace between packets
 * is skipped without being buffered); element nesting deeper than {@value #MAX_DEPTH}; any DOCTYPE
 * (so no external entities and no entity expansion); a reference to an entity other than the five
 * predefined ones.
 */
public final class EccpFrameDecoder extends ByteToMessageDecoder {
    /** What the server uses unless configured otherwise: 1 MiB. */
    public static final int DEFAULT_MAX_PACKET_BYTES = 1 << 20;
    /** ECCP requests nest five levels at most (saveformdata); this only keeps recursion bounded. */
    public static final int MAX_DEPTH = 64;

    /** When the input is a direct buffer, it is copied to the heap at most this much at a time. */
    private static final InputFactoryImpl PARSERS = secureFactory();

    private final int maxPacketBytes;
    private final RootEndScanner scanner = new RootEndScanner(MAX_DEPTH);
    private final TreeBuilder tree = new TreeBuilder();
    /** Parses the current packet; null between packets. */
    private AsyncXMLStreamReader<AsyncByteArrayFeeder> parser;
    private int packetBytes;
    private boolean failed;
    private final ReadWindow window = new ReadWindow();

    public EccpFrameDecoder(int maxPacketBytes) {
        if (maxPacketBytes < 1) {
            throw new IllegalArgumentException("maxPacketBytes must be at least 1, got " + maxPacketBytes);
        }
        this.maxPacketBytes = maxPacketBytes;
    }

    private static InputFactoryImpl secureFactory() {
        InputFactoryImpl factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!failed && in.isReadable()) {
            if (parser == null && !startPacket(in)) {
                return;
            }
            XmlElement root = feed(in, out);
            if (root != null) {
                endPacket();
                out.add(root);
            }
        }
        if (failed) {
            in.skipBytes(in.readableBytes());
        }
    }

    /**
     * Skips whitespace (and a byte order mark) before a packet and starts one when its first byte is
     * here. Returns whether there are bytes to feed it.
     */
    private boolean startPacket(ByteBuf in) {
        if (!PacketStart.skip(in)) {
            return false;
        }
        parser = PARSERS.createAsyncForByteArray();
        packetBytes = 0;
        return in.isReadable();
    }

    /**
     * Hands the parser the readable bytes of the current packet (never beyond its end); consumes them.
     * Returns the root once it closes; adds a failure to {@code out} when the input is refused.
     */
    private XmlElement feed(ByteBuf in, List<Object> out) {
        window.over(in, maxPacketBytes - packetBytes);
        byte[] bytes = window.bytes();
        int offset = window.offset();
        int length = window.length();
        int end = scanner.scan(bytes, offset, offset + length);
        if (end == RootEndScanner.REFUSED) {
            return fail(out, scanner.refusal());
        }
        int fed = end == RootEndScanner.NEED_MORE ? length : end - offset;
        in.skipBytes(fed);
        packetBytes += fed;
        try {
            AsyncByteArrayFeeder feeder = parser.getInputFeeder();
            feeder.feedInput(bytes, offset, fed);
            XmlElement root = parseAvailable();
            if (root != null) {
                if (end == RootEndScanner.NEED_MORE || !feeder.needMoreInput()) {
                    return fail(out, "not well-formed: root element closed where the framing did not expect it");
                }
                return root;
            }
            if (end != RootEndScanner.NEED_MORE) {
                // The scanner saw the root close but the parser did not: ill-formed in a way the parser
                // only reports at the end of input. Ask it for its message.
                feeder.endOfInput();
                parseAvailable();
                return fail(out, "not well-formed: document ended inside the root element");
            }
        } catch (XMLStreamException | UncheckedStreamException e) {
            return fail(out, "not well-formed: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            // Aalto reports some ill-formed names (the reserved xmlns prefix on an element) with a bare
            // RuntimeException; for the client it is malformed input like any other, answered 400.
            return fail(out, "not well-formed: " + firstLine(e.getMessage()));
        }
        if (packetBytes == maxPacketBytes) {
            return fail(out, "packet exceeds " + maxPacketBytes + " bytes");
        }
        return null;
    }

    /** Runs the parser over what it has been fed; returns the root if it closed. */
    private XmlElement parseAvailable() throws XMLStreamException {
        while (true) {
            switch (parser.next()) {
                case AsyncXMLStreamReader.EVENT_INCOMPLETE, XMLStreamConstants.END_DOCUMENT -> {
                    return null;
                }
                case XMLStreamConstants.START_ELEMENT -> tree.startElement(parser);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        tree.characters(parser);
                case XMLStreamConstants.END_ELEMENT -> {
                    XmlElement root = tree.endElement();
                    if (root != null) {
                        return root;
                    }
                }
                case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw new XMLStreamException("undeclared entity &" + parser.getLocalName() + ";");
                case XMLStreamConstants.DTD -> throw new XMLStreamException("DOCTYPE is not allowed");
                default -> {
                    // START_DOCUMENT, COMMENT, PROCESSING_INSTRUCTION: nothing to keep
                }
            }
        }
    }

    private XmlElement fail(List<Object> out, String reason) {
        failed = true;
        out.add(DecodeFailure.fatal(reason));
        endPacket();
        return null;
    }

    private void endPacket() {
        if (parser != null) {
            try {
                parser.close(); // gives Aalto's buffers back to its per-thread recycler
            } catch (XMLStreamException | UncheckedStreamException e) {
                // nothing left to release
            }
            parser = null;
        }
        scanner.reset();
        tree.reset();
        packetBytes = 0;
    }

    /** Aalto appends "\n at [row,col ...]" to its messages; the positions are not reliable in async mode. */
    private static String firstLine(String message) {
        if (message == null) {
            return "parse error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        endPacket();
    }
}
