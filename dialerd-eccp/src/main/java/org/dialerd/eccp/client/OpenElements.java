package org.dialerd.eccp.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dialerd.eccp.xml.XmlElement;

/**
 * The elements {@link XmlPushParser} has opened and not yet closed, and the tree they become: the
 * same tree the server's decoder builds (its {@code TreeBuilder}). ECCP has no mixed content: an
 * element with child elements keeps only them; one without keeps all its character data,
 * untrimmed. Namespaces are not part of ECCP: prefixed names are kept as written, {@code xmlns}
 * declarations are dropped, and a prefix that was not declared is refused.
 *
 * <p>The per-depth frames, the buffers and the names of earlier packets are reused, so an answer
 * costs little more than its elements, its lists and its strings (short ones are shared too,
 * {@link StringCache}).
 */
final class OpenElements {
    private final int maxDepth;
    private final List<Frame> frames = new ArrayList<>();
    private int depth;
    /** Names of the open elements as bytes, back to back, for matching end tags. */
    private byte[] names = new byte[256];
    private final int[] nameEnds;
    /** Declared namespace prefixes and the depth of the element that declared each. */
    private final List<String> prefixes = new ArrayList<>();
    private final List<Integer> prefixDepths = new ArrayList<>();
    private final StringCache nameCache = new StringCache(256, 64);
    private final StringCache textCache = new StringCache(512, 24);

    OpenElements(int maxDepth) {
        this.maxDepth = maxDepth;
        this.nameEnds = new int[maxDepth + 1]; // + 1: an empty element may sit at the deepest level
    }

    void reset() {
        for (int i = 0; i <= Math.min(depth, frames.size() - 1); i++) {
            frames.get(i).clear();
        }
        depth = 0;
        prefixes.clear();
        prefixDepths.clear();
        if (names.length > 4096) {
            names = new byte[256];
        }
    }

    int depth() {
        return depth;
    }

    /** A start tag's name has been read; its attributes follow. */
    void startTag(ByteText name) {
        int start = depth == 0 ? 0 : nameEnds[depth - 1];
        if (start + name.length() > names.length) {
            names = Arrays.copyOf(names, Math.max(names.length * 2, start + name.length()));
        }
        System.arraycopy(name.bytes(), 0, names, start, name.length());
        nameEnds[depth] = start + name.length();
        if (depth == frames.size()) {
            frames.add(new Frame());
        }
        frames.get(depth).name = name.string(nameCache);
    }

    /** An attribute of the start tag being read. Returns a refusal or null. */
    String attribute(ByteText name, ByteText value) {
        Frame frame = frames.get(depth);
        String attributeName = name.string(nameCache);
        for (int i = 0; i < frame.attributes.size(); i += 2) {
            if (frame.attributes.get(i).equals(attributeName)) {
                return "not well-formed: duplicate attribute '" + attributeName + "'";
            }
        }
        frame.attributes.add(attributeName);
        frame.attributes.add(value.length() <= 24 ? value.string(textCache) : value.string());
        return null;
    }

    /**
     * The start tag ends ({@code empty}: it was {@code <a/>}; the caller then {@link #close}s it). Returns
     * a refusal or null. Like the server's decoder, only an element that stays open counts toward the depth limit.
     */
    String endStartTag(boolean empty) {
        if (!empty && depth == maxDepth) {
            return "refused: element nesting exceeds " + maxDepth + " levels";
        }
        Frame frame = frames.get(depth);
        List<String> attributes = frame.attributes;
        for (int i = 0; i < attributes.size(); i += 2) {
            String name = attributes.get(i);
            if (name.equals("xmlns") || name.startsWith("xmlns:")) {
                if (name.length() > 6 && !attributes.get(i + 1).isEmpty()) { // xmlns:p="" declares nothing
                    prefixes.add(name.substring(6));
                    prefixDepths.add(depth);
                }
                attributes.remove(i + 1);
                attributes.remove(i);
                i -= 2;
            }
        }
        String refusal = checkPrefix(frame.name, false);
        for (int i = 0; refusal == null && i < attributes.size(); i += 2) {
            refusal = checkPrefix(attributes.get(i), true);
        }
        if (refusal != null) {
            return refusal;
        }
        depth++;
        return null;
    }

    private String checkPrefix(String name, boolean attribute) {
        int colon = name.indexOf(':');
        if (colon < 0) {
            return null;
        }
        if (colon == 0 || name.indexOf(':', colon + 1) >= 0) { // "p:" is accepted, as Aalto accepts it
            return "not well-formed: illegal prefixed name '" + name + "'";
        }
        String prefix = name.substring(0, colon);
        if (prefix.equals("xml") || (prefix.equals("xmlns") && attribute)) {
            return null;
        }
        if (!prefixes.contains(prefix)) {
            return "not well-formed: undeclared namespace prefix '" + prefix + "'";
        }
        return null;
    }

    /** Character data of the innermost open element. */
    ByteText text() {
        return frames.get(depth - 1).text;
    }

    byte[] nameBytes() {
        return names;
    }

    int nameStart(int level) {
        return level == 0 ? 0 : nameEnds[level - 1];
    }

    int nameEnd(int level) {
        return nameEnds[level];
    }

    /** The innermost element closes; returns the root once it closes, otherwise null. */
    XmlElement close() {
        Frame frame = frames.get(--depth);
        XmlElement element = frame.build(textCache);
        frame.clear();
        while (!prefixDepths.isEmpty() && prefixDepths.get(prefixDepths.size() - 1) == depth) {
            prefixDepths.remove(prefixDepths.size() - 1);
            prefixes.remove(prefixes.size() - 1);
        }
        if (depth == 0) {
            return element;
        }
        frames.get(depth - 1).children.add(element);
        return null;
    }

    /** The open element at {@code level}'s name, for an error message. */
    String name(int level) {
        return frames.get(level).name;
    }

    private static final class Frame {
        private String name = "";
        /** Attribute names and values, alternating, in document order. */
        private final List<String> attributes = new ArrayList<>(4);
        private final List<XmlElement> children = new ArrayList<>(4);
        private final ByteText text = new ByteText();
        XmlElement build(StringCache texts) {
            if (attributes.isEmpty()) {
                if (!children.isEmpty()) {
                    return XmlElement.of(name, children);
                }
                return text.length() == 0 ? XmlElement.empty(name) : XmlElement.text(name, text.string(texts));
            }
            XmlElement.Builder builder = XmlElement.builder(name);
            for (int i = 0; i < attributes.size(); i += 2) {
                builder.attribute(attributes.get(i), attributes.get(i + 1));
            }
            if (children.isEmpty()) {
                builder.text(text.string(texts));
            } else {
                builder.addAll(children);
            }
            return builder.build();
        }

        void clear() {
            attributes.clear();
            children.clear();
            text.clear();
        }
    }
}
