// A supervisor's listen / whisper / barge on an agent's call (POST and DELETE /agents/{agent}/spy).
// Only supervisor client accounts may: others get the API's 403, shown as the message.

import {agentPath, text} from '/web/api.js';
import {h} from '/web/dom.js';

export const MODES = [
  {mode: 'listen', label: 'Listen', aria: 'Listen to', live: 'Listening'},
  {mode: 'whisper', label: 'Whisper', aria: 'Whisper to', live: 'Whispering'},
  {mode: 'barge', label: 'Barge', aria: 'Barge into', live: 'Barging in'},
];

/**
 * The spy sessions after one event: spystart makes one live, spymode switches its mode inside
 * the call, spyend ends it (a new object).
 */
export function applySpy(spies, name, data) {
  const number = text(data.agent_number);
  if (name === 'spystart' || name === 'spymode') return {...spies, [number]: {mode: text(data.mode), live: true}};
  if (name === 'spyend') {
    const next = {...spies};
    delete next[number];
    return next;
  }
  return spies;
}

export function startSpy(api, agent, extension, mode) {
  return api.post(`${agentPath(agent)}/spy`, {extension, mode});
}

export function stopSpy(api, agent) {
  return api.request('DELETE', `${agentPath(agent)}/spy`);
}

/**
 * The controls of one agent's card: three buttons on a call; while a session runs, its state,
 * the two other modes (a switch inside the call: spyagent again, same extension) once ChanSpy
 * runs, and Stop.
 */
export function spyControls(agent, spy, onStart, onStop) {
  if (spy) {
    const words = MODES.find((m) => m.mode === spy.mode);
    const switches = spy.live ? MODES.filter((m) => m.mode !== spy.mode).map((m) => h('button', {type: 'button',
      'aria-label': `Switch to ${m.mode} on ${agent.number}`, onclick: () => onStart(agent.number, m.mode)}, m.label)) : [];
    return h('div', {class: 'spy'},
      h('span', {class: 'spy-state'}, spy.live ? words.live : `${words.live}: ringing your phone…`),
      ...switches,
      h('button', {type: 'button', 'aria-label': `Stop spying on ${agent.number}`, onclick: () => onStop(agent.number)}, 'Stop'));
  }
  if (agent.status !== 'oncall' && !agent.call) return null;
  return h('div', {class: 'spy'}, MODES.map((m) => h('button', {type: 'button', 'aria-label': `${m.aria} ${agent.number}`,
    onclick: () => onStart(agent.number, m.mode)}, m.label)));
}
