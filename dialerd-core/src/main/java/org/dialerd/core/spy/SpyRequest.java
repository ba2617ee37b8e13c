package org.dialerd.core.spy;

import java.util.Objects;

/**
 * A supervisor's request to join an agent's call, checked by the caller (supervisor client,
 * extension resolved, agent on a call).
 *
 * @param supervisor   the ECCP client account that asked (audited)
 * @param extension    the supervisor's extension (audited)
 * @param dialString   how Asterisk calls that extension ({@code SIP/1002})
 * @param agentNumber  the agent spied on ({@code SIP/1001}, {@code Agent/9000})
 * @param agentChannel the agent's leg in the call, ChanSpy's target: a full channel name, so the
 *                     prefix ChanSpy matches names this channel only
 */
public record SpyRequest(String supervisor, String extension, String dialString, String agentNumber,
                         String agentChannel, SpyMode mode) {
    public SpyRequest {
        Objects.requireNonNull(supervisor, "supervisor");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(dialString, "dialString");
        Objects.requireNonNull(agentNumber, "agentNumber");
        Objects.requireNonNull(agentChannel, "agentChannel");
        Objects.requireNonNull(mode, "mode");
    }
}
