// How the console's view of its agent follows the snapshot and the events. Pure functions of
// (state, input) → state change, so the rules can be read in one place.

import {list, text} from '/web/api.js';
import {serverNow, serverTime as when} from '/web/format.js';

/** The agent as the snapshot shows it. */
export function fromSnapshot(snapshot, agentNumber) {
  const me = list(snapshot.agents).find((a) => a.agent_number === agentNumber);
  if (!me) return {status: 'offline', since: serverNow(), pause: null, onhold: false};
  const since = (me.wrapup && !me.pause ? when(me.wrapup.start) : null)
    ?? when(me.status_since)
    ?? (me.status === 'paused' && me.pause ? when(me.pause.start) : null)
    ?? (me.status === 'oncall' && me.call ? when(me.call.link_start) : null)
    ?? when(me.login_start) ?? serverNow();
  return {
    status: me.status,
    since,
    pause: me.pause ? {id: String(me.pause.break_id), name: me.pause.name} : null,
    onhold: me.onhold === true || me.onhold === '1',
    extension: me.extension || null,
    call: me.call || null,
    wrapup: me.wrapup ? {end: when(me.wrapup.end)} : null,
  };
}

/** The change an event makes to the console's state, or null when it says nothing new. */
export function onEvent(state, name, data) {
  const now = serverNow();
  const agent = state.agent;
  switch (name) {
    case 'agentloggedin':
      return {screen: 'work', pending: null, status: {...state.status, status: 'online', since: now, pause: null, onhold: false}};
    case 'agentfailedlogin':
      return {screen: 'agent', pending: null,
        message: {kind: 'error', text: `Agent login failed: ${agent?.number} did not log in on extension ${agent?.extension} (the phone was not answered or the agent code was refused).`}};
    case 'agentloggedout':
      return {screen: 'agent', call: null, status: {status: 'offline', since: now, pause: null, onhold: false},
        message: {kind: 'info', text: `${text(data.agent) || agent?.number} is logged out.`}};
    case 'pausestart':
      if (data.pause_class === 'hold') return {status: {...state.status, onhold: true}};
      return {status: {...state.status, status: state.call?.active ? 'oncall' : 'paused',
        since: when(data.pause_start) ?? now, pause: {id: text(data.pause_type), name: text(data.pause_name)}}};
    case 'pauseend':
      if (data.pause_class === 'hold') return {status: {...state.status, onhold: false}};
      return {status: {...state.status, status: state.call?.active ? 'oncall' : 'online', since: when(data.pause_end) ?? now, pause: null}};
    case 'agentlinked':
      return {status: {...state.status, status: 'oncall', since: when(data.datetime_linkstart) ?? now}};
    case 'agentunlinked':
      return {status: {...state.status, status: state.status.pause ? 'paused' : 'online', since: when(data.datetime_linkend) ?? now, onhold: false}};
    case 'wrapupstart':
      return {status: {...state.status, status: 'paused', since: when(data.wrapup_start) ?? now,
        wrapup: {end: when(data.wrapup_end)}}};
    case 'wrapupend':
      return {status: {...state.status, wrapup: null,
        status: state.call?.active ? 'oncall' : state.status.pause ? 'paused' : 'online',
        since: state.call?.active || state.status.pause ? state.status.since : when(data.wrapup_end) ?? now}};
    case 'atxferfailed':
      return {message: {kind: 'error', text: `Attended transfer to ${text(data.extension)} failed: ${text(data.cause)}`}};
    case 'previewcall':
      return {preview: previewOf(data)};
    case 'previewcancelled': {
      if (state.preview?.callId !== text(data.call_id)) return null;
      const why = {rejected: 'skipped', expired: 'not answered in time', taken: 'taken by another agent'}[text(data.reason)]
        ?? text(data.reason);
      return {preview: null, message: {kind: 'info', text: `The offered call to ${state.preview.phone} went back (${why}).`}};
    }
    case 'queuemembership': {
      const status = text(data.status);
      if (!status || status === state.status.status) return null;
      return {status: {...state.status, status}};
    }
    default:
      return null;
  }
}

/** A preview call from previewcall's data or getagentstatus's preview element (the same names). */
export function previewOf(data) {
  return {
    callId: text(data.call_id),
    campaignId: text(data.campaign_id),
    campaignName: text(data.campaign_name),
    phone: text(data.phone),
    expires: text(data.datetime_expires),
    attributes: list(data.call_attributes)
      .map((a) => ({label: text(a.label), value: text(a.value), order: Number(text(a.order)) || 0}))
      .sort((a, b) => a.order - b.order),
  };
}

/** The label a person reads for the agent's state. */
export function stateLabel(status) {
  if (status.onhold) return 'On hold';
  if (status.wrapup && status.status === 'paused' && !status.pause) return 'Wrap-up';
  switch (status.status) {
    case 'online': return 'Ready';
    case 'oncall': return status.pause ? `On call (break: ${status.pause.name})` : 'On call';
    case 'paused': return `On break: ${status.pause?.name || 'paused'}`;
    case 'offline': return 'Logged out';
    default: return status.status || '…';
  }
}
