package org.dialerd.core.engine;

import java.util.Optional;

/**
 * The answer to an agent command: a status word for login/logout ({@code logging},
 * {@code logged-in}, {@code logged-out}; empty for the others) and a failure when it did not work.
 */
public record EngineResult(Optional<String> status, Optional<Failure> failure) {

    /** A refusal with the ECCP code and message clients see. */
    public record Failure(int code, String message) {}

    public static final EngineResult OK = new EngineResult(Optional.empty(), Optional.empty());

    public static EngineResult status(String status) {
        return new EngineResult(Optional.of(status), Optional.empty());
    }

    public static EngineResult failed(int code, String message) {
        return new EngineResult(Optional.empty(), Optional.of(new Failure(code, message)));
    }

    public static EngineResult failed(String status, int code, String message) {
        return new EngineResult(Optional.of(status), Optional.of(new Failure(code, message)));
    }

    public boolean ok() {
        return failure.isEmpty();
    }
}
