package org.dialerd.core.store;

import java.util.Optional;

/**
 * Extension → the dial string Asterisk calls it with ({@code SIP/1064}, {@code PJSIP/1064},
 * {@code Local/1064@agents}). FreePBX keeps it in {@code asterisk.devices}; without FreePBX a
 * template is used.
 */
@FunctionalInterface
public interface ExtensionDirectory {
    Optional<String> dialString(String extension);

    /** {@code {ext}} in the template is replaced by the extension; only digits are accepted. */
    static ExtensionDirectory template(String template) {
        return extension -> extension != null && extension.matches("\\d{1,20}")
                ? Optional.of(template.replace("{ext}", extension)) : Optional.empty();
    }
}
