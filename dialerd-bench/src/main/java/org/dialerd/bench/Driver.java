package org.dialerd.bench;

import java.util.List;

/** What {@link Load} reads of the request senders ({@link RequestDriver}, {@link LeanDriver}) after a run. */
interface Driver {
    long sent();

    long answered();

    long errors();

    long failureAnswers();

    /** "name code: count (first message)" for every failure answer seen. */
    List<String> failureLines();

    /** Waits up to {@code seconds} for the answers still due; whether all came. */
    boolean drain(int seconds) throws InterruptedException;
}
