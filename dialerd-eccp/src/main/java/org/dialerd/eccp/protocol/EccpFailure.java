package org.dialerd.eccp.protocol;

/**
 * A request that cannot be answered with success. Handlers throw it; the dispatcher turns it
 * into the protocol's failure element, either at the top level
 * ({@code <response id><failure>…}: malformed or unauthorised requests) or wrapped in the
 * request's own response element ({@code <response id><getcallinfo_response><failure>…}:
 * anything the handler decided).
 */
public final class EccpFailure extends RuntimeException {
    public static final String BAD_REQUEST = "Bad request";

    private final int code;
    private final boolean wrapped;

    private EccpFailure(int code, String message, boolean wrapped) {
        super(message, null, false, false);
        this.code = code;
        this.wrapped = wrapped;
    }

    public static EccpFailure topLevel(int code, String message) {
        return new EccpFailure(code, message, false);
    }

    public static EccpFailure wrapped(int code, String message) {
        return new EccpFailure(code, message, true);
    }

    /** Top-level 400 "Bad request". */
    public static EccpFailure badRequest() {
        return topLevel(400, BAD_REQUEST);
    }

    /** Top-level 400 with the reference's detail, e.g. {@code Bad request - invalid status}. */
    public static EccpFailure badRequest(String detail) {
        return topLevel(400, BAD_REQUEST + " - " + detail);
    }

    public int code() {
        return code;
    }

    public boolean isWrapped() {
        return wrapped;
    }
}
