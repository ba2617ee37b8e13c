package org.dialerd.eccp.handler;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dialerd.eccp.xml.XmlElement;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Test helper: a request body written as XML text, as the decoder would hand it to a handler. */
final class SimpleXml {
    private SimpleXml() {
    }

    static XmlElement parse(String xml) {
        try {
            Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            return convert(root);
        } catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + xml, e);
        }
    }

    private static XmlElement convert(Element element) {
        XmlElement.Builder builder = XmlElement.builder(element.getTagName());
        StringBuilder text = new StringBuilder();
        boolean hasChildren = false;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                builder.add(convert(childElement));
                hasChildren = true;
            } else if (child.getNodeType() == Node.TEXT_NODE) {
                text.append(child.getNodeValue());
            }
        }
        if (!hasChildren) {
            builder.text(text.toString());
        }
        return builder.build();
    }
}
