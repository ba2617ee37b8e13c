package org.dialerd.ami;

import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * asterisk-java's connection with one look at every response before it is matched: whether
 * dialerd is waiting for it ({@link ResponseLedger}). asterisk-java still handles it as before.
 */
final class LedgerConnection extends ManagerConnectionImpl {
    private final ResponseLedger ledger;

    LedgerConnection(AmiSettings settings, ResponseLedger ledger) {
        this.ledger = ledger;
        setHostname(settings.host());
        setPort(settings.port());
        setUsername(settings.username());
        setPassword(settings.secret());
    }

    @Override
    public void dispatchResponse(ManagerResponse response, Integer requiredHandlingTime) {
        if (response != null) {
            ledger.arrived(response.getActionId());
        }
        super.dispatchResponse(response, requiredHandlingTime);
    }
}
