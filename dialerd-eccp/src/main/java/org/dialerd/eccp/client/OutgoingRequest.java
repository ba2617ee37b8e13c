package org.dialerd.eccp.client;

import org.dialerd.eccp.xml.XmlElement;

/** One request on its way out: {@code <request id="id">body</request>}, written by {@link RequestEncoder}. */
record OutgoingRequest(String id, XmlElement body) {}
