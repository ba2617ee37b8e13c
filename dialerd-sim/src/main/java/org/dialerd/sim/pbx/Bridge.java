package org.dialerd.sim.pbx;

import java.util.ArrayList;
import java.util.List;

/** A bridge: its id, type and the channels in it, in the order they entered. */
public final class Bridge {

    final String id;
    final String type;
    final String technology;
    final String creator;
    final String name;
    final List<Channel> channels = new ArrayList<>();
    boolean destroyed;
    /** Told when a channel leaves (the queue call ends the call when one side goes). */
    Listener listener;

    Bridge(String id, String type, String technology, String creator, String name) {
        this.id = id;
        this.type = type;
        this.technology = technology;
        this.creator = creator;
        this.name = name;
    }

    public String id() {
        return id;
    }

    public List<Channel> channels() {
        return List.copyOf(channels);
    }

    public String type() {
        return type;
    }

    public String technology() {
        return technology;
    }

    public interface Listener {
        void left(Bridge bridge, Channel channel);

        /** res_parking or a Redirect is about to take {@code ch} out; the others will be hung up. */
        default void takenAway(Bridge bridge, Channel ch) {
        }

        /** The BlindTransfer action is about to send the transferer's peer elsewhere. */
        default void blindTransfer(Bridge bridge, Channel transferer) {
        }

        /** An attended transfer takes {@code transferer} out to consult (or brings it back). */
        default void consultation(Bridge bridge, Channel transferer, boolean started) {
        }

        /** An attended transfer completed: {@code target} took the transferer's place. */
        default void attendedTransfer(Bridge bridge, Channel transferer, Channel target) {
        }
    }
}
