package org.dialerd.eccp.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable XML element: the unit ECCP packets are made of, both decoded requests and
 * responses/events about to be encoded.
 *
 * <p>Mixed content is not needed by ECCP: an element has either text or child elements.
 * Attribute order is kept (the reference writes {@code <field order="1" id="3">}).
 * An element with no children and empty text is written self-closing ({@code <success/>}).
 */
public final class XmlElement {
    private final String name;
    private final Map<String, String> attributes;
    private final String text;
    private final List<XmlElement> children;
    /** This element as {@link XmlWriter} writes it, when it was written once for reuse ({@link #written}); else null. */
    private final String written;

    private XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children) {
        this(name, attributes, text, children, null);
    }

    private XmlElement(String name, Map<String, String> attributes, String text, List<XmlElement> children,
                       String written) {
        this.name = name;
        this.attributes = attributes;
        this.text = text;
        this.children = children;
        this.written = written;
    }

    /**
     * The same element, serialized now once: {@link XmlWriter} then copies these characters instead
     * of walking the tree again. For answers built once and sent many times (getcampaigninfo's
     * body per reference snapshot). Equal to this element; the tree stays readable (JSON API).
     */
    public XmlElement written() {
        return written != null ? this : new XmlElement(name, attributes, text, children, XmlWriter.toXml(this));
    }

    /** The serialization kept by {@link #written()}, or null. */
    String serialized() {
        return written;
    }

    public static XmlElement empty(String name) {
        return new XmlElement(name, Map.of(), "", List.of());
    }

    public static XmlElement text(String name, Object value) {
        return new XmlElement(name, Map.of(), String.valueOf(value), List.of());
    }

    public static XmlElement of(String name, XmlElement... children) {
        return new XmlElement(name, Map.of(), "", List.of(children));
    }

    public static XmlElement of(String name, List<XmlElement> children) {
        return new XmlElement(name, Map.of(), "", List.copyOf(children));
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public Optional<String> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName));
    }

    /** Text content; empty when the element has children or no text. */
    public String text() {
        return text;
    }

    public List<XmlElement> children() {
        return children;
    }

    /** The first child with this name. */
    public Optional<XmlElement> child(String childName) {
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** Text of the first child with this name, if that child exists. */
    public Optional<String> childText(String childName) {
        return child(childName).map(XmlElement::text);
    }

    public List<XmlElement> childrenNamed(String childName) {
        List<XmlElement> found = new ArrayList<>();
        for (XmlElement child : children) {
            if (child.name.equals(childName)) {
                found.add(child);
            }
        }
        return found;
    }

    public boolean isEmpty() {
        return children.isEmpty() && text.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XmlElement other
                && name.equals(other.name)
                && attributes.equals(other.attributes)
                && text.equals(other.text)
                && children.equals(other.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, attributes, text, children);
    }

    @Override
    public String toString() {
        return XmlWriter.toXml(this);
    }

    /** Builds an element child by child; not thread-safe, the element it builds is immutable. */
    public static final class Builder {
        private final String name;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<XmlElement> children = new ArrayList<>();
        private String text = "";

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder attribute(String attributeName, Object value) {
            attributes.put(attributeName, String.valueOf(value));
            return this;
        }

        public Builder text(String value) {
            this.text = Objects.requireNonNull(value, "text");
            return this;
        }

        public Builder add(XmlElement child) {
            children.add(child);
            return this;
        }

        public Builder add(String childName, Object value) {
            return add(XmlElement.text(childName, value));
        }

        /** Adds {@code <childName>value</childName>} only when value is not null (NULL columns are omitted). */
        public Builder addIfPresent(String childName, Object value) {
            return value == null ? this : add(childName, value);
        }

        public Builder addAll(List<XmlElement> more) {
            children.addAll(more);
            return this;
        }

        public XmlElement build() {
            if (!children.isEmpty() && !text.isEmpty()) {
                throw new IllegalStateException("<" + name + "> has both text and children");
            }
            return new XmlElement(name,
                    attributes.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes)),
                    text, List.copyOf(children));
        }
    }
}
