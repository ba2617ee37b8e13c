package org.dialerd.eccp.handler;

import java.util.Map;
import org.dialerd.eccp.handler.control.ChannelVariables;
import org.dialerd.eccp.handler.control.Hangup;
import org.dialerd.eccp.handler.control.Hold;
import org.dialerd.eccp.handler.control.RecordingMute;
import org.dialerd.eccp.handler.control.Transfer;
import org.dialerd.eccp.protocol.RequestName;
import org.dialerd.eccp.server.RequestHandler;

/** Call control: hangup, transfercall, atxfercall, getchanvars, mixmonitormute/unmute, hold, unhold. */
final class CallControlHandlers {
    private CallControlHandlers() {
    }

    static Map<RequestName, RequestHandler> all() {
        return Map.of(
                RequestName.HANGUP, Hangup::hangup,
                RequestName.TRANSFERCALL, Transfer::transferCall,
                RequestName.ATXFERCALL, Transfer::atxferCall,
                RequestName.GETCHANVARS, ChannelVariables::getChanVars,
                RequestName.MIXMONITORMUTE, RecordingMute::mute,
                RequestName.MIXMONITORUNMUTE, RecordingMute::unmute,
                RequestName.HOLD, Hold::hold,
                RequestName.UNHOLD, Hold::unhold);
    }
}
