package org.dialerd.db.journal;

import java.sql.Connection;
import java.sql.SQLException;
import org.dialerd.core.journal.JournalRecord;
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
import org.dialerd.core.journal.JournalRecord.OutgoingQueued;
import org.dialerd.core.journal.JournalRecord.OutgoingSafeHarbour;
import org.dialerd.core.journal.JournalRecord.OutgoingTransferred;
import org.dialerd.core.journal.JournalRecord.Progress;
import org.dialerd.core.journal.JournalRecord.Recording;
import org.dialerd.db.store.Jdbc;

/**
 * The SQL of each journal record, run inside the applier's transaction. Inserts name the id
 * dialerd assigned. Text is cut to the column (callerid 15, trunk 20, uniqueid 32, ...): a
 * longer value must not lose the row.
 */
final class RecordStatements {
    private RecordStatements() {
    }

    /** {@code hostId}: the journal the record comes from. */
    static void apply(Connection c, String hostId, JournalRecord record) throws SQLException {
        if (record instanceof IdsReserved r) {
            // The reservation itself was made in dialerd_id_block when it happened; this says whose it is.
            Jdbc.update(c, "INSERT IGNORE INTO dialerd_id_range (table_name, first_id, last_id, host_id) "
                    + "VALUES (?, ?, ?, ?)", r.table().tableName(), r.first(), r.last(), hostId);
        } else if (record instanceof AuditOpened r) {
            Jdbc.update(c, "INSERT INTO audit (id, id_agent, id_break, datetime_init, ext_parked) VALUES (?, ?, ?, ?, ?)",
                    r.id(), r.agentId(), r.breakId(), r.start(), r.extParked());
        } else if (record instanceof AuditClosed r) {
            Jdbc.update(c, "UPDATE audit SET datetime_end = ?, duration = ? WHERE id = ? AND datetime_end IS NULL",
                    r.end(), time(r.durationSeconds()), r.id());
        } else if (record instanceof JournalRecord.Retired) {
            return; // a kind an earlier version wrote; this version does nothing for it
        } else if (record instanceof IncomingEntered r) {
            Jdbc.update(c, "INSERT INTO call_entry (id, id_queue_call_entry, id_campaign, callerid, trunk, uniqueid, "
                    + "datetime_entry_queue, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'en-cola')", r.id(),
                    r.queueCallEntryId(), r.campaignId(), cut(r.callerId(), 15), cut(r.trunk(), 20),
                    cut(r.uniqueId(), 32), r.entered());
        } else if (record instanceof IncomingLinked r) {
            Jdbc.update(c, "UPDATE call_entry SET status = 'activa', id_agent = ?, datetime_init = ?, duration_wait = ? "
                    + "WHERE id = ?", r.agentId(), r.linkStart(), r.waitSeconds(), r.callId());
            Jdbc.update(c, "INSERT INTO current_call_entry (id, id_agent, id_queue_call_entry, id_call_entry, callerid, "
                    + "datetime_init, uniqueid, ChannelClient, hold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'N')", r.currentId(),
                    r.agentId(), r.queueCallEntryId(), r.callId(), cut(r.callerId(), 15), r.linkStart(),
                    cut(r.uniqueId(), 32), cut(r.remoteChannel(), 32));
        } else if (record instanceof IncomingFinished r) {
            Jdbc.update(c, "UPDATE call_entry SET status = 'terminada', transfer = COALESCE(?, transfer), "
                    + "datetime_end = ?, duration = ? WHERE id = ?", cut(r.transfer(), 6), r.end(), r.durationSeconds(),
                    r.callId());
            Jdbc.update(c, "DELETE FROM current_call_entry WHERE id_call_entry = ?", r.callId());
        } else if (record instanceof IncomingAbandoned r) {
            Jdbc.update(c, "UPDATE call_entry SET status = 'abandonada', datetime_end = ?, duration_wait = ? "
                    + "WHERE id = ?", r.end(), r.waitSeconds(), r.callId());
        } else if (record instanceof IncomingHeld r) {
            Jdbc.update(c, "UPDATE call_entry SET status = ? WHERE id = ?", r.held() ? "hold" : "activa", r.callId());
            Jdbc.update(c, "UPDATE current_call_entry SET hold = ? WHERE id_call_entry = ?", r.held() ? "S" : "N",
                    r.callId());
        } else if (record instanceof IncomingLostTrack r) {
            Jdbc.update(c, "UPDATE call_entry SET status = 'fin-monitoreo' WHERE id = ?", r.callId());
            Jdbc.update(c, "DELETE FROM current_call_entry WHERE id_call_entry = ?", r.callId());
        } else if (record instanceof Progress r) {
            progress(c, r);
        } else if (record instanceof JournalRecord.SpyOpened r) {
            // IGNORE: the row is keyed by the spy channel's uniqueid, so a second apply is a no-op.
            Jdbc.update(c, "INSERT IGNORE INTO dialerd_supervisor_audit (spy_id, username, extension, agent_number, "
                    + "mode, datetime_request) VALUES (?, ?, ?, ?, ?, ?)", cut(r.spyId(), 64), cut(r.supervisor(), 64),
                    cut(r.extension(), 32), cut(r.agentNumber(), 40), cut(r.mode(), 8), r.requested());
        } else if (record instanceof JournalRecord.SpyConnected r) {
            Jdbc.update(c, "UPDATE dialerd_supervisor_audit SET datetime_start = ? WHERE spy_id = ?", r.start(),
                    cut(r.spyId(), 64));
        } else if (record instanceof JournalRecord.SpyClosed r) {
            Jdbc.update(c, "UPDATE dialerd_supervisor_audit SET datetime_end = ?, end_cause = ? WHERE spy_id = ? "
                    + "AND datetime_end IS NULL", r.end(), cut(r.cause(), 160), cut(r.spyId(), 64));
        } else {
            OutgoingStatements.apply(c, record);
        }
    }

    private static void progress(Connection c, Progress r) throws SQLException {
        String direction = r.incoming() ? "incoming" : "outgoing";
        Jdbc.update(c, "INSERT INTO call_progress_log (id, datetime_entry, id_campaign_" + direction + ", id_call_"
                + direction + ", new_status, retry, uniqueid, trunk, id_agent, duration) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.when(), r.campaignId(), r.callId(),
                r.newStatus(), r.retry(), cut(r.uniqueId(), 32), cut(r.trunk(), 20), r.agentId(), r.durationSeconds());
    }

    /** Outgoing calls, campaigns and recordings. */
    private static final class OutgoingStatements {
        static void apply(Connection c, JournalRecord record) throws SQLException {
            if (record instanceof OutgoingPlacing r) {
                // Not conditional any more: the dialer chose the call from a read made after every
                // earlier write, and a Placing row must exist for every call it dialled.
                Jdbc.update(c, "UPDATE calls SET status = 'Placing', retries = retries + 1, datetime_originate = ?, "
                        + "trunk = ?, uniqueid = NULL, fecha_llamada = NULL, failure_cause = NULL, "
                        + "failure_cause_txt = NULL WHERE id = ?", r.when(), r.trunk(), r.callId());
            } else if (record instanceof OutgoingAnswered r) {
                Jdbc.update(c, "UPDATE calls SET status = IF(status = 'Placing', 'Ringing', status), fecha_llamada = ?, "
                        + "uniqueid = ? WHERE id = ?", r.when(), r.uniqueId(), r.callId());
            } else if (record instanceof OutgoingFailed r) {
                Jdbc.update(c, "UPDATE calls SET status = ?, failure_cause = ?, failure_cause_txt = ?, fecha_llamada = ? "
                        + "WHERE id = ?", r.status(), r.cause(), r.causeText(), r.when(), r.callId());
            } else if (record instanceof OutgoingQueued r) {
                Jdbc.update(c, "UPDATE calls SET status = 'OnQueue', datetime_entry_queue = ?, uniqueid = ? WHERE id = ?",
                        r.when(), r.uniqueId(), r.callId());
            } else if (record instanceof OutgoingLinked r) {
                Jdbc.update(c, "UPDATE calls SET status = 'Success', id_agent = ?, start_time = ?, duration_wait = ? "
                        + "WHERE id = ?", r.agentId(), r.linkStart(), r.waitSeconds(), r.callId());
                Jdbc.update(c, "INSERT INTO current_calls (id, id_call, fecha_inicio, uniqueid, queue, agentnum, event, "
                        + "Channel, ChannelClient, hold) VALUES (?, ?, ?, ?, ?, ?, 'Link', ?, ?, 'N')", r.currentId(),
                        r.callId(), r.linkStart(), r.uniqueId(), r.queue(), cut(r.agentNumber(), 16),
                        cut(r.agentNumber(), 32), cut(r.channel(), 32));
            } else if (record instanceof OutgoingEnded r) {
                Jdbc.update(c, "UPDATE calls SET status = ?, end_time = ?, duration = ? WHERE id = ?", r.status(),
                        r.end(), r.durationSeconds(), r.callId());
                Jdbc.update(c, "DELETE FROM current_calls WHERE id_call = ?", r.callId());
            } else if (record instanceof OutgoingAbandoned r) {
                Jdbc.update(c, "UPDATE calls SET status = 'Abandoned', end_time = ?, duration_wait = ? WHERE id = ?",
                        r.end(), r.waitSeconds(), r.callId());
            } else if (record instanceof OutgoingSafeHarbour r) {
                // The reason of this attempt's abandon; Placing clears it for the next attempt.
                Jdbc.update(c, "UPDATE calls SET failure_cause_txt = 'SafeHarbour' WHERE id = ?", r.callId());
            } else if (record instanceof OutgoingTransferred r) {
                Jdbc.update(c, "UPDATE calls SET transfer = ? WHERE id = ?", cut(r.extension(), 6), r.callId());
            } else if (record instanceof OutgoingHeld r) {
                Jdbc.update(c, "UPDATE calls SET status = ? WHERE id = ?", r.held() ? "OnHold" : "Success", r.callId());
                Jdbc.update(c, "UPDATE current_calls SET hold = ? WHERE id_call = ?", r.held() ? "S" : "N", r.callId());
            } else if (record instanceof CampaignStatus r) {
                Jdbc.update(c, "UPDATE campaign SET estatus = ? WHERE id = ?", r.status(), r.campaignId());
            } else if (record instanceof CampaignStats r) {
                Jdbc.update(c, "UPDATE campaign SET num_completadas = ?, promedio = ?, desviacion = ? WHERE id = ?",
                        r.completed(), r.meanTalk(), r.deviation(), r.campaignId());
            } else if (record instanceof Recording r) {
                Jdbc.update(c, "INSERT INTO call_recording (id, datetime_entry, id_call_incoming, id_call_outgoing, "
                        + "uniqueid, channel, recordingfile) VALUES (?, ?, ?, ?, ?, ?, ?)", r.id(), r.when(),
                        r.incomingCallId(), r.outgoingCallId(), cut(r.uniqueId(), 32), cut(r.channel(), 80),
                        cut(r.file(), 255));
            } else if (record instanceof JournalRecord.PreviewReserved r) {
                // Another agent's reservation that has not expired stays (another host offered the
                // call first); every column tests the old expires_at, so it is assigned last.
                Jdbc.update(c, "INSERT INTO dialerd_preview_offer (id_call, id_campaign, agent, offered_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "id_campaign = IF(expires_at <= VALUES(offered_at), VALUES(id_campaign), id_campaign), "
                        + "agent = IF(expires_at <= VALUES(offered_at), VALUES(agent), agent), "
                        + "offered_at = IF(expires_at <= VALUES(offered_at), VALUES(offered_at), offered_at), "
                        + "expires_at = IF(expires_at <= VALUES(offered_at), VALUES(expires_at), expires_at)",
                        r.callId(), r.campaignId(), cut(r.agentNumber(), 40), r.offered(), r.expires());
            } else if (record instanceof JournalRecord.PreviewReleased r) {
                Jdbc.update(c, "DELETE FROM dialerd_preview_offer WHERE id_call = ? AND agent = ?", r.callId(),
                        cut(r.agentNumber(), 40));
            } else {
                throw new IllegalArgumentException("no SQL for journal record " + record);
            }
        }
    }

    /** TIME accepts up to 838:59:59; longer sessions are capped there rather than failing the write. */
    static String time(long durationSeconds) {
        long seconds = Math.max(0, Math.min(durationSeconds, 838L * 3600 + 59 * 60 + 59));
        return String.format("%02d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
