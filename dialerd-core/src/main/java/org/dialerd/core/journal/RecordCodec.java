package org.dialerd.core.journal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.zip.CRC32;
import org.dialerd.core.journal.JournalRecord.AuditClosed;
import org.dialerd.core.journal.JournalRecord.AuditOpened;
import org.dialerd.core.journal.JournalRecord.CampaignStats;
import org.dialerd.core.journal.JournalRecord.CampaignStatus;
import org.dialerd.core.journal.JournalRecord.IdsReserved;
import org.dialerd.core.journal.JournalRecord.IncomingAbandoned;
import org.dialerd.core.journal.JournalRecord.IncomingEntered;
import org.dialerd.core.journal.JournalRecord.IncomingFinished;
import org.dialerd.core.journal.JournalRecord.IncomingHeld;
import org.dialerd.core.journal.JournalRecord.IncomingLinked;
import org.dialerd.core.journal.JournalRecord.IncomingLostTrack;
import org.dialerd.core.journal.JournalRecord.OutgoingAbandoned;
import org.dialerd.core.journal.JournalRecord.OutgoingAnswered;
import org.dialerd.core.journal.JournalRecord.OutgoingEnded;
import org.dialerd.core.journal.JournalRecord.OutgoingFailed;
import org.dialerd.core.journal.JournalRecord.OutgoingHeld;
import org.dialerd.core.journal.JournalRecord.OutgoingLinked;
import org.dialerd.core.journal.JournalRecord.OutgoingPlacing;
import org.dialerd.core.journal.JournalRecord.OutgoingSafeHarbour;
import org.dialerd.core.journal.JournalRecord.OutgoingQueued;
import org.dialerd.core.journal.JournalRecord.OutgoingTransferred;
import org.dialerd.core.journal.JournalRecord.Progress;
import org.dialerd.core.journal.JournalRecord.Recording;

/**
 * The journal's binary frame, one per record:
 *
 * <pre>
 *   int  length   bytes of the body (1 .. {@value #MAX_BODY_BYTES})
 *   int  crc32    of the body
 *   body: long seq, long appendedAtMillis, byte tag, the record's fields in declaration order
 * </pre>
 *
 * Fields: int/long big-endian; a nullable value is a presence byte then the value; strings are
 * modified UTF-8 ({@link DataOutputStream#writeUTF}); times are epoch seconds of the local
 * date-time read as UTC (the columns are DATETIME without zone). A tag is never reused: a
 * new record kind takes a new tag, so old journals stay readable; the tag of a kind that was
 * removed is still read, as {@link JournalRecord.Retired} (applied as nothing).
 */
public final class RecordCodec {
    /** Frame header: length and CRC. */
    public static final int HEADER_BYTES = 8;
    /** No record comes near this; a larger length can only be a torn or corrupt frame. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    /** Tag 4 was OpenSessionsClosed(end): still read (and skipped) in journals of earlier versions. */
    static final int RETIRED_OPEN_SESSIONS_CLOSED = 4;

    /*
     * Supervisor spy sessions. Numbered apart from the others so that record kinds added on other
     * branches at the same time (24, 25, ...) do not take the same tags.
     */
    static final int SPY_OPENED = 40;
    static final int SPY_CONNECTED = 41;
    static final int SPY_CLOSED = 42;

    private RecordCodec() {
    }

    /** The whole frame for the entry. */
    public static byte[] encode(JournalEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(entry.seq());
            out.writeLong(entry.appendedAtMillis());
            writeRecord(entry.record(), new Out(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        byte[] body = bytes.toByteArray();
        if (body.length > MAX_BODY_BYTES) {
            throw new IllegalArgumentException("journal record of " + body.length + " bytes exceeds "
                    + MAX_BODY_BYTES + ": " + entry);
        }
        return ByteBuffer.allocate(HEADER_BYTES + body.length).putInt(body.length).putInt(crc(body, 0, body.length))
                .put(body).array();
    }

    /** Decodes a body whose CRC already matched. */
    public static JournalEntry decodeBody(byte[] body) {
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(body))) {
            long seq = data.readLong();
            long appendedAt = data.readLong();
            JournalRecord record = readRecord(data.readUnsignedByte(), new In(data));
            if (data.available() > 0) {
                throw new JournalCorruptException("journal record seq " + seq + " has " + data.available()
                        + " unread bytes");
            }
            return new JournalEntry(seq, appendedAt, record);
        } catch (IOException e) {
            throw new JournalCorruptException("journal record body cut short: " + e, e);
        }
    }

    public static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static void writeRecord(JournalRecord record, Out o) throws IOException {
        if (record instanceof IdsReserved r) {
            o.tag(1).s(r.table().name()).l(r.first()).l(r.last());
        } else if (record instanceof AuditOpened r) {
            o.tag(2).l(r.id()).i(r.agentId()).ni(r.breakId()).t(r.start()).ns(r.extParked());
        } else if (record instanceof AuditClosed r) {
            o.tag(3).l(r.id()).t(r.end()).l(r.durationSeconds());
        } else if (record instanceof IncomingEntered r) {
            o.tag(5).l(r.id()).i(r.queueCallEntryId()).ni(r.campaignId()).ns(r.callerId()).ns(r.trunk())
                    .ns(r.uniqueId()).t(r.entered());
        } else if (record instanceof IncomingLinked r) {
            o.tag(6).l(r.callId()).l(r.currentId()).i(r.queueCallEntryId()).i(r.agentId()).ns(r.callerId())
                    .ns(r.uniqueId()).ns(r.remoteChannel()).t(r.linkStart()).l(r.waitSeconds());
        } else if (record instanceof IncomingFinished r) {
            o.tag(7).l(r.callId()).ns(r.transfer()).t(r.end()).l(r.durationSeconds());
        } else if (record instanceof IncomingAbandoned r) {
            o.tag(8).l(r.callId()).t(r.end()).l(r.waitSeconds());
        } else if (record instanceof IncomingHeld r) {
            o.tag(9).l(r.callId()).b(r.held());
        } else if (record instanceof IncomingLostTrack r) {
            o.tag(10).l(r.callId()).t(r.end());
        } else if (record instanceof Progress r) {
            o.tag(11).l(r.id()).b(r.incoming()).ni(r.campaignId()).l(r.callId()).s(r.newStatus()).l(r.retry())
                    .ns(r.uniqueId()).ns(r.trunk()).ni(r.agentId()).nl(r.durationSeconds()).t(r.when());
        } else if (record instanceof OutgoingPlacing r) {
            o.tag(12).l(r.callId()).ns(r.trunk()).t(r.when());
        } else if (record instanceof OutgoingAnswered r) {
            o.tag(13).l(r.callId()).ns(r.uniqueId()).t(r.when());
        } else if (record instanceof OutgoingFailed r) {
            o.tag(14).l(r.callId()).s(r.status()).i(r.cause()).ns(r.causeText()).t(r.when());
        } else if (record instanceof OutgoingQueued r) {
            o.tag(15).l(r.callId()).ns(r.uniqueId()).t(r.when());
        } else if (record instanceof OutgoingLinked r) {
            o.tag(16).l(r.callId()).l(r.currentId()).i(r.agentId()).ns(r.agentNumber()).ns(r.queue())
                    .ns(r.uniqueId()).ns(r.channel()).t(r.linkStart()).l(r.waitSeconds());
        } else if (record instanceof OutgoingEnded r) {
            o.tag(17).l(r.callId()).s(r.status()).t(r.end()).l(r.durationSeconds());
        } else if (record instanceof OutgoingAbandoned r) {
            o.tag(18).l(r.callId()).t(r.end()).l(r.waitSeconds());
        } else if (record instanceof OutgoingSafeHarbour r) {
            o.tag(50).l(r.callId()).s(r.target()).t(r.when());
        } else if (record instanceof OutgoingTransferred r) {
            o.tag(19).l(r.callId()).ns(r.extension());
        } else if (record instanceof OutgoingHeld r) {
            o.tag(20).l(r.callId()).b(r.held());
        } else if (record instanceof CampaignStatus r) {
            o.tag(21).i(r.campaignId()).s(r.status());
        } else if (record instanceof CampaignStats r) {
            o.tag(22).i(r.campaignId()).l(r.completed()).l(r.meanTalk()).l(r.deviation());
        } else if (record instanceof Recording r) {
            o.tag(23).l(r.id()).nl(r.incomingCallId()).nl(r.outgoingCallId()).ns(r.uniqueId()).ns(r.channel())
                    .ns(r.file()).t(r.when());
        } else if (record instanceof JournalRecord.SpyOpened r) {
            o.tag(SPY_OPENED).s(r.spyId()).s(r.supervisor()).s(r.extension()).s(r.agentNumber()).s(r.mode())
                    .t(r.requested());
        } else if (record instanceof JournalRecord.SpyConnected r) {
            o.tag(SPY_CONNECTED).s(r.spyId()).t(r.start());
        } else if (record instanceof JournalRecord.SpyClosed r) {
            o.tag(SPY_CLOSED).s(r.spyId()).t(r.end()).ns(r.cause());
        } else if (record instanceof JournalRecord.PreviewReserved r) {
            // Preview tags start at 60, away from the dense range other features extend.
            o.tag(60).l(r.callId()).i(r.campaignId()).s(r.agentNumber()).t(r.offered()).t(r.expires());
        } else if (record instanceof JournalRecord.PreviewReleased r) {
            o.tag(61).l(r.callId()).s(r.agentNumber());
        } else {
            // Retired records are only read back, never written.
            throw new IllegalArgumentException("no journal tag for " + record);
        }
    }

    private static JournalRecord readRecord(int tag, In i) throws IOException {
        return switch (tag) {
            case 1 -> new IdsReserved(IdTable.valueOf(i.s()), i.l(), i.l());
            case 2 -> new AuditOpened(i.l(), i.i(), i.ni(), i.t(), i.ns());
            case 3 -> new AuditClosed(i.l(), i.t(), i.l());
            case RETIRED_OPEN_SESSIONS_CLOSED -> retired(tag, i.t());
            case 5 -> new IncomingEntered(i.l(), i.i(), i.ni(), i.ns(), i.ns(), i.ns(), i.t());
            case 6 -> new IncomingLinked(i.l(), i.l(), i.i(), i.i(), i.ns(), i.ns(), i.ns(), i.t(), i.l());
            case 7 -> new IncomingFinished(i.l(), i.ns(), i.t(), i.l());
            case 8 -> new IncomingAbandoned(i.l(), i.t(), i.l());
            case 9 -> new IncomingHeld(i.l(), i.b());
            case 10 -> new IncomingLostTrack(i.l(), i.t());
            case 11 -> new Progress(i.l(), i.b(), i.ni(), i.l(), i.s(), i.l(), i.ns(), i.ns(), i.ni(), i.nl(), i.t());
            case 12 -> new OutgoingPlacing(i.l(), i.ns(), i.t());
            case 13 -> new OutgoingAnswered(i.l(), i.ns(), i.t());
            case 14 -> new OutgoingFailed(i.l(), i.s(), i.i(), i.ns(), i.t());
            case 15 -> new OutgoingQueued(i.l(), i.ns(), i.t());
            case 16 -> new OutgoingLinked(i.l(), i.l(), i.i(), i.ns(), i.ns(), i.ns(), i.ns(), i.t(), i.l());
            case 17 -> new OutgoingEnded(i.l(), i.s(), i.t(), i.l());
            case 18 -> new OutgoingAbandoned(i.l(), i.t(), i.l());
            case 19 -> new OutgoingTransferred(i.l(), i.ns());
            case 50 -> new OutgoingSafeHarbour(i.l(), i.s(), i.t()); // 50: clear of the tags other features add
            case 20 -> new OutgoingHeld(i.l(), i.b());
            case 21 -> new CampaignStatus(i.i(), i.s());
            case 22 -> new CampaignStats(i.i(), i.l(), i.l(), i.l());
            case 23 -> new Recording(i.l(), i.nl(), i.nl(), i.ns(), i.ns(), i.ns(), i.t());
            case SPY_OPENED -> new JournalRecord.SpyOpened(i.s(), i.s(), i.s(), i.s(), i.s(), i.t());
            case SPY_CONNECTED -> new JournalRecord.SpyConnected(i.s(), i.t());
            case SPY_CLOSED -> new JournalRecord.SpyClosed(i.s(), i.t(), i.ns());
            case 60 -> new JournalRecord.PreviewReserved(i.l(), i.i(), i.s(), i.t(), i.t());
            case 61 -> new JournalRecord.PreviewReleased(i.l(), i.s());
            default -> throw new JournalCorruptException("unknown journal record tag " + tag);
        };
    }

    /** Its fields were read (so the frame is checked whole) and are not needed. */
    private static JournalRecord retired(int tag, Object... fields) {
        return new JournalRecord.Retired(tag);
    }

    /** Field writer; chained so one line lists a record's fields in order. */
    private record Out(DataOutputStream out) {
        Out tag(int tag) throws IOException {
            out.writeByte(tag);
            return this;
        }

        Out i(int v) throws IOException {
            out.writeInt(v);
            return this;
        }

        Out l(long v) throws IOException {
            out.writeLong(v);
            return this;
        }

        Out b(boolean v) throws IOException {
            out.writeBoolean(v);
            return this;
        }

        Out s(String v) throws IOException {
            out.writeUTF(v);
            return this;
        }

        Out ni(Integer v) throws IOException {
            out.writeBoolean(v != null);
            return v == null ? this : i(v);
        }

        Out nl(Long v) throws IOException {
            out.writeBoolean(v != null);
            return v == null ? this : l(v);
        }

        Out ns(String v) throws IOException {
            out.writeBoolean(v != null);
            return v == null ? this : s(v);
        }

        Out t(LocalDateTime v) throws IOException {
            out.writeBoolean(v != null);
            return v == null ? this : l(v.toEpochSecond(ZoneOffset.UTC));
        }
    }

    private record In(DataInputStream in) {
        int i() throws IOException {
            return in.readInt();
        }

        long l() throws IOException {
            return in.readLong();
        }

        boolean b() throws IOException {
            return in.readBoolean();
        }

        String s() throws IOException {
            return in.readUTF();
        }

        Integer ni() throws IOException {
            return in.readBoolean() ? in.readInt() : null;
        }

        Long nl() throws IOException {
            return in.readBoolean() ? in.readLong() : null;
        }

        String ns() throws IOException {
            return in.readBoolean() ? in.readUTF() : null;
        }

        LocalDateTime t() throws IOException {
            return in.readBoolean() ? LocalDateTime.ofEpochSecond(in.readLong(), 0, ZoneOffset.UTC) : null;
        }
    }
}
