package org.dialerd.http.api;

/**
 * A request the API refuses, with the code and message of its error answer. Thrown by the
 * steps of an endpoint (token, body, agent) and answered by {@link ApiRoute}; never leaves
 * this package as an exception.
 */
final class ApiFailure extends Exception {
    private final int code;

    ApiFailure(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }

    org.dialerd.http.Response response() {
        return ApiResponses.failure(code, getMessage());
    }
}
