/**
 * Classes asterisk-java instantiates or reads by reflection: event beans that keep the fields
 * its own beans drop, and a header-map action for the actions it has no class for. They are
 * public only because reflection from {@code org.asteriskjava} needs it; nothing outside
 * dialerd-ami uses them.
 */
package org.dialerd.ami.internal;
