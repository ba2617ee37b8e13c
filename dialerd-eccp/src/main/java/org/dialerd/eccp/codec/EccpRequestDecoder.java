package org.dialerd.eccp.codec;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import java.util.Optional;
import org.dialerd.eccp.xml.XmlElement;

/**
 * Second stage: checks the shape of a decoded document and turns it into an {@link EccpRequest}.
 *
 * <pre>{@code
 * <request id="8"><getpauses/></request>         -> EccpRequest("8", <getpauses/>)
 * <request><getpauses/></request>                -> DecodeFailure(fatal=false)  no id
 * <request id="6"/>, <request id="7">hello</request>
 *                                                -> DecodeFailure(fatal=false)  no child element
 * <request id="5"><getpauses/><getpauses/></request>
 *                                                -> DecodeFailure(fatal=false)  two child elements
 * <response id="2"><getpauses/></response>       -> DecodeFailure(fatal=true)   root is not request
 * }</pre>
 *
 * <p>All of these are answered with the 400 without id; only the fatal one closes the connection,
 * as the reference does. What the request name means, and its arguments, is the dispatcher's
 * business, so an unknown name still passes here. A {@link DecodeFailure} coming from
 * {@link EccpFrameDecoder} is not an {@link XmlElement} and passes through untouched.
 *
 * <p>Not {@code @Sharable}: Netty's {@code MessageToMessageDecoder} keeps per-channel read state.
 */
public final class EccpRequestDecoder extends MessageToMessageDecoder<XmlElement> {
    static final String REQUEST = "request";
    static final String ID = "id";

    public EccpRequestDecoder() {
        super(XmlElement.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, XmlElement root, List<Object> out) {
        out.add(toRequest(root));
    }

    /** The decision itself, without Netty; returns an {@link EccpRequest} or a {@link DecodeFailure}. */
    static Object toRequest(XmlElement root) {
        if (!REQUEST.equals(root.name())) {
            return DecodeFailure.fatal("root element is <" + root.name() + ">, not <request>");
        }
        Optional<String> id = root.attribute(ID);
        if (id.isEmpty()) {
            return DecodeFailure.recoverable("<request> has no id attribute");
        }
        List<XmlElement> children = root.children();
        if (children.size() != 1) {
            return DecodeFailure.recoverable("<request> has " + children.size()
                    + " child elements, exactly one is required");
        }
        return new EccpRequest(id.get(), children.get(0));
    }
}
