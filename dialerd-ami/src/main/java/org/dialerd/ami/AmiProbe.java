package org.dialerd.ami;

import org.asteriskjava.AsteriskVersion;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;

/**
 * One AMI login and logoff, for {@code dialerd --check-config}: proves the address and the
 * credentials without starting the gateway (no events, no reconnects).
 */
public final class AmiProbe {
    /**
     * @param ok     logged in (and off again)
     * @param detail the Asterisk version when ok, else what went wrong
     */
    public record Result(boolean ok, String detail) {}

    private AmiProbe() {
    }

    public static Result loginAndLogoff(AmiSettings settings) {
        ManagerConnection connection = new ManagerConnectionFactory(settings.host(), settings.port(),
                settings.username(), settings.secret()).createManagerConnection();
        int timeout = (int) Math.min(Integer.MAX_VALUE, settings.actionTimeout().toMillis());
        connection.setSocketTimeout(timeout);
        if (connection instanceof ManagerConnectionImpl impl) {
            impl.setDefaultResponseTimeout(timeout);
        }
        try {
            connection.login("off");
            AsteriskVersion version = connection.getVersion();
            return new Result(true, version == null ? "logged in" : version.toString());
        } catch (AuthenticationFailedException e) {
            return new Result(false, "authentication failed for user '" + settings.username() + "'");
        } catch (TimeoutException e) {
            return new Result(false, "no answer within " + settings.actionTimeout().toMillis() + " ms");
        } catch (Exception e) { // IOException (refused, unknown host), IllegalStateException
            return new Result(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                // Not logged in: nothing to log off.
            }
        }
    }
}
