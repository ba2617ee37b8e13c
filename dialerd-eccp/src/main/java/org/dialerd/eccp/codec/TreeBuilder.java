package org.dialerd.eccp.codec;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamReader;
import org.dialerd.eccp.xml.XmlElement;

/**
 * Builds the {@link XmlElement} tree from parser events, one document at a time.
 *
 * <p>ECCP has no mixed content: an element that has child elements keeps only them (the
 * indentation around them is dropped); an element without child elements keeps all its character
 * data, concatenated and untrimmed (entities, character references and CDATA already decoded by the
 * parser). The per-depth frames are reused from one document to the next, so a small request costs
 * little more than the elements and strings it is made of.
 */
final class TreeBuilder {
    /** A text buffer that grew beyond this for one big value is not kept for the next document. */
    private static final int RETAINED_TEXT_CAPACITY = 4096;

    private final List<Frame> frames = new ArrayList<>();
    private int depth;

    void reset() {
        for (int i = 0; i < depth; i++) {
            frames.get(i).clear();
        }
        depth = 0;
    }

    void startElement(XMLStreamReader reader) {
        if (depth == frames.size()) {
            frames.add(new Frame());
        }
        frames.get(depth++).open(reader);
    }

    void characters(XMLStreamReader reader) {
        if (depth > 0) {
            frames.get(depth - 1).characters(reader);
        }
    }

    /** Closes the innermost element; returns the root once it closes, otherwise null. */
    XmlElement endElement() {
        Frame frame = frames.get(--depth);
        XmlElement element = frame.build();
        frame.clear();
        if (depth == 0) {
            return element;
        }
        frames.get(depth - 1).children.add(element);
        return null;
    }

    private static final class Frame {
        private String name = "";
        /** Attribute names and values, alternating, in document order. */
        private final List<String> attributes = new ArrayList<>(4);
        private final List<XmlElement> children = new ArrayList<>(4);
        private StringBuilder text = new StringBuilder(64);

        void open(XMLStreamReader reader) {
            name = qualified(reader.getPrefix(), reader.getLocalName());
            int count = reader.getAttributeCount();
            for (int i = 0; i < count; i++) {
                attributes.add(qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)));
                attributes.add(reader.getAttributeValue(i));
            }
        }

        /** Aalto always splits names at the colon; ECCP has no namespaces, so the name is kept as written. */
        private static String qualified(String prefix, String localName) {
            return prefix == null || prefix.isEmpty() ? localName : prefix + ':' + localName;
        }

        void characters(XMLStreamReader reader) {
            if (children.isEmpty()) {
                text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
            }
        }

        XmlElement build() {
            if (attributes.isEmpty()) {
                if (!children.isEmpty()) {
                    return XmlElement.of(name, children);
                }
                return text.length() == 0 ? XmlElement.empty(name) : XmlElement.text(name, text.toString());
            }
            XmlElement.Builder builder = XmlElement.builder(name);
            for (int i = 0; i < attributes.size(); i += 2) {
                builder.attribute(attributes.get(i), attributes.get(i + 1));
            }
            if (children.isEmpty()) {
                builder.text(text.toString());
            } else {
                builder.addAll(children);
            }
            return builder.build();
        }

        void clear() {
            attributes.clear();
            children.clear();
            if (text.capacity() > RETAINED_TEXT_CAPACITY) {
                text = new StringBuilder(64);
            } else {
                text.setLength(0);
            }
        }
    }
}
