// The wallboard's agents: the snapshot gives every agent, then each event moves one of them.

import {list, text} from '/web/api.js';
import {serverNow, serverTime as when} from '/web/format.js';

/** Past these many seconds in a state the card is highlighted (a long break, a long call). */
export const LONG_SECONDS = {paused: 15 * 60, oncall: 10 * 60, onhold: 2 * 60, wrapup: 5 * 60};

export function agentsFromSnapshot(snapshot) {
  const agents = {};
  for (const a of list(snapshot.agents)) {
    const status = text(a.status);
    agents[a.agent_number] = {
      number: a.agent_number,
      name: text(a.name),
      status,
      extension: text(a.extension),
      onhold: a.onhold === true || a.onhold === '1',
      pause: a.pause ? {name: text(a.pause.name)} : null,
      call: a.call ? {phone: text(a.call.phone)} : null,
      wrapup: a.wrapup ? {end: when(a.wrapup.end)} : null,
      since: (a.wrapup && !a.pause ? when(a.wrapup.start) : null)
        ?? when(a.status_since)
        ?? (status === 'paused' && a.pause ? when(a.pause.start) : null)
        ?? (status === 'oncall' && a.call ? when(a.call.link_start) : null)
        ?? (status !== 'offline' ? when(a.login_start) : null),
    };
  }
  return agents;
}

/** The agents after one event (a new object: the store sees the change). */
export function applyEvent(agents, name, data) {
  const number = text(data.agent_number ?? data.agent);
  const agent = agents[number] ?? {number, name: '', status: 'offline', extension: '', onhold: false, pause: null, call: null, since: null};
  const now = serverNow();
  let next = null;
  switch (name) {
    case 'agentloggedin': next = {...agent, status: 'online', since: now, pause: null, call: null, onhold: false}; break;
    case 'agentloggedout': next = {...agent, status: 'offline', since: null, pause: null, call: null, onhold: false}; break;
    case 'pausestart':
      next = data.pause_class === 'hold' ? {...agent, onhold: true, since: when(data.pause_start) ?? now}
        : {...agent, status: agent.call ? 'oncall' : 'paused', pause: {name: text(data.pause_name)}, since: when(data.pause_start) ?? now};
      break;
    case 'pauseend':
      next = data.pause_class === 'hold' ? {...agent, onhold: false, since: when(data.pause_end) ?? now}
        : {...agent, status: agent.call ? 'oncall' : 'online', pause: null, since: when(data.pause_end) ?? now};
      break;
    case 'agentlinked': next = {...agent, status: 'oncall', call: {phone: text(data.phone)}, since: when(data.datetime_linkstart) ?? now}; break;
    case 'agentunlinked': next = {...agent, status: agent.pause ? 'paused' : 'online', call: null, onhold: false, since: when(data.datetime_linkend) ?? now}; break;
    case 'wrapupstart': next = {...agent, status: 'paused', wrapup: {end: when(data.wrapup_end)}, since: when(data.wrapup_start) ?? now}; break;
    case 'wrapupend':
      next = {...agent, wrapup: null, status: agent.call ? 'oncall' : agent.pause ? 'paused' : 'online',
        since: agent.call || agent.pause ? agent.since : when(data.wrapup_end) ?? now};
      break;
    default: return agents;
  }
  return {...agents, [number]: next};
}

/** Colour key and words of an agent's state. */
export function stateOf(agent) {
  if (agent.status === 'offline') return {key: 'offline', label: 'Logged out'};
  if (agent.onhold) return {key: 'onhold', label: 'On hold'};
  if (agent.status === 'oncall' || agent.call) return {key: 'oncall', label: agent.pause ? `On call (break ${agent.pause.name})` : 'On call'};
  if (agent.wrapup) return {key: 'wrapup', label: 'Wrap-up'};
  if (agent.status === 'paused' || agent.pause) return {key: 'paused', label: `On break: ${agent.pause?.name || 'paused'}`};
  return {key: 'online', label: 'Ready'};
}
