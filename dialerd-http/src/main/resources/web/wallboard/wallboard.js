// Supervisor wallboard: every agent's state and time in state, live over the event stream,
// and the queues' and campaigns' figures from the API's shared statistics (one server-side
// read for every wallboard, never a database query per browser).

import {Api, ApiError, list, text} from '/web/api.js';
import {EventStream} from '/web/events.js';
import {Store} from '/web/store.js';
import {h, fill} from '/web/dom.js';
import {duration, followServerClock, secondsSince} from '/web/format.js';
import {agentsFromSnapshot, applyEvent, stateOf, LONG_SECONDS} from './agents.js';
import {applySpy, spyControls, startSpy, stopSpy} from './spy.js';

const STATS_REFRESH_MS = 5000;
const api = new Api();
const store = new Store({connected: false, connection: 'offline', agents: {}, spies: {}, stats: null, statsError: null, message: null});
const $ = (id) => document.getElementById(id);

store.subscribe(render);
setInterval(() => renderTimes(store.state), 1000);

$('connect-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    await api.connect($('client-username').value.trim(), $('client-password').value);
  } catch (e) {
    store.update({message: {kind: 'error', text: `Connecting failed: ${e instanceof ApiError ? e.toString() : e.message}`}});
    return;
  }
  $('client-password').value = '';
  store.update({connected: true, message: null});
  new EventStream(() => api.eventsUrl(), {
    onState: (connection) => store.update({connection}),
    onSnapshot: (snapshot) => {
      followServerClock(snapshot.at);
      store.update({agents: agentsFromSnapshot(snapshot)});
    },
    onEvent: (name, data) => store.update((s) => ({agents: applyEvent(s.agents, name, data), spies: applySpy(s.spies, name, data)})),
    onStats: (stats) => store.update({stats, statsError: null}),
  }).start();
  loadStats();
  setInterval(loadStats, STATS_REFRESH_MS);
});

async function spy(agent, mode) {
  const extension = $('spy-extension').value.trim();
  if (!extension) {
    store.update({message: {kind: 'error', text: 'Enter your extension first: dialerd rings it into the call.'}});
    $('spy-extension').focus();
    return;
  }
  try {
    await startSpy(api, agent, extension, mode);
    // spystart may already have come (the phone answered first): keep what it said.
    store.update((s) => ({spies: {...s.spies, [agent]: s.spies[agent] ?? {mode, live: false}}, message: null}));
  } catch (e) {
    store.update({message: {kind: 'error', text: `Cannot ${mode} on ${agent}: ${e instanceof ApiError ? e.toString() : e.message}`}});
  }
}

async function stopSpying(agent) {
  try {
    await stopSpy(api, agent);
  } catch (e) {
    store.update({message: {kind: 'error', text: `Cannot stop on ${agent}: ${e instanceof ApiError ? e.toString() : e.message}`}});
  }
}

async function loadStats() {
  try {
    store.update({stats: await api.get('/wallboard'), statsError: null});
  } catch (e) {
    store.update({statsError: e.status === 404
      ? 'Queue and campaign figures are not available: this dialerd does not serve GET /api/v1/wallboard.'
      : `Queue and campaign figures could not be read: ${e}`});
  }
}

function render(state) {
  $('connect-screen').hidden = state.connected;
  $('board').hidden = !state.connected;
  const message = $('message');
  message.hidden = !state.message;
  message.className = `message ${state.message?.kind ?? ''}`;
  message.textContent = state.message?.text ?? '';
  const connection = $('connection');
  connection.className = `connection ${state.connected ? state.connection : ''}`;
  connection.textContent = state.connected ? ({live: 'Live', connecting: 'Connecting…', offline: 'Reconnecting…'}[state.connection]) : '';
  if (!state.connected) return;
  renderAgents(state.agents, state.spies);
  renderStats(state);
}

function renderAgents(agents, spies) {
  const sorted = Object.values(agents).sort((a, b) => a.number.localeCompare(b.number, undefined, {numeric: true}));
  const counts = {};
  fill($('agents'), sorted.map((agent) => {
    const state = stateOf(agent);
    counts[state.key] = (counts[state.key] ?? 0) + 1;
    return h('li', {class: `agent ${state.key}`, 'data-agent': agent.number, 'aria-label': `${agent.number} ${state.label}`},
      h('div', {class: 'name'}, agent.name && agent.name !== agent.number ? `${agent.number} · ${agent.name}` : agent.number),
      h('div', {class: 'label'}, state.label),
      h('div', {class: 'time', 'data-since': agent.since ? agent.since.toISOString() : ''}, agent.since ? duration(secondsSince(agent.since)) : ''),
      h('div', {class: 'detail'}, [agent.extension ? `ext ${agent.extension}` : '', agent.call?.phone ? `call ${agent.call.phone}` : '']
        .filter(Boolean).join(' · ')),
      spyControls(agent, spies[agent.number], spy, stopSpying));
  }));
  $('summary').textContent = `${sorted.length - (counts.offline ?? 0)} logged in · ${counts.oncall ?? 0} on call · ${(counts.paused ?? 0)} on break · ${counts.online ?? 0} ready`;
  renderTimes(store.state);
}

/** Only the clocks move every second; the cards are redrawn when an agent changes. */
function renderTimes(state) {
  for (const el of document.querySelectorAll('.agent .time[data-since]')) {
    if (!el.dataset.since) continue;
    const seconds = secondsSince(el.dataset.since);
    el.textContent = duration(seconds);
    el.closest('.agent').classList.toggle('long', seconds >= (LONG_SECONDS[el.closest('.agent').classList[1]] ?? Infinity));
  }
}

/** Abandoned by the 2-second rule: today, 30 days and the 30-day rate against the campaign's target. */
function abandonCell(a) {
  if (!a) return h('td', {}, '–');
  const pct = (t) => (t.abandon_rate === null || t.abandon_rate === undefined ? '–' : `${(100 * Number(t.abandon_rate)).toFixed(1)}%`);
  return h('td', {class: a.over_target ? 'bad' : ''},
    `${a.today.abandoned} today · ${a.last_30_days.abandoned} in 30 days · ${pct(a.last_30_days)} of ${Number(a.target_pct).toFixed(1)}%`);
}

function renderStats(state) {
  $('stats-note').textContent = state.statsError
    ?? (state.stats ? `Figures as of ${new Date(state.stats.at ?? Date.now()).toLocaleTimeString()}` : 'Reading figures…');
  const stats = state.stats ?? {};
  const level = (row) => (row.service_level === undefined || row.service_level === null ? '–' : `${Math.round(100 * Number(row.service_level))}%`);
  const wait = (row) => duration(Number(row.longest_wait_seconds ?? 0));
  fill($('queues').tBodies[0], list(stats.queues).map((q) => h('tr', {},
    h('th', {scope: 'row'}, text(q.queue)), h('td', {class: Number(q.calls_waiting) > 0 ? 'bad' : ''}, q.calls_waiting ?? 0),
    h('td', {}, wait(q)), h('td', {}, q.answered ?? 0), h('td', {}, q.abandoned ?? 0), h('td', {}, level(q)))));
  fill($('campaigns').tBodies[0], list(stats.campaigns).map((c) => h('tr', {},
    h('th', {scope: 'row'}, `${text(c.name) || c.id} (${c.type})`), h('td', {}, c.calls_waiting ?? 0), h('td', {}, wait(c)),
    h('td', {}, c.answered ?? 0), h('td', {}, c.abandoned ?? 0), h('td', {}, level(c)),
    abandonCell(c.abandoned_2s),
    h('td', {}, c.type === 'outgoing' ? `${c.pending ?? 0} pending · ${c.placed ?? 0} placed · ${c.progress?.answered ?? c.answered ?? 0} answered · ${c.failed ?? 0} failed` : '–'))));
}

render(store.state);
$('client-username').focus();
