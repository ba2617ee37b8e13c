// The agent console: connect with the ECCP client account, log the agent in, then work calls
// live over the event stream. State lives in one Store; render() draws it.

import {Api, ApiError, agentPath, list, text} from '/web/api.js';
import {EventStream} from '/web/events.js';
import {Store} from '/web/store.js';
import {followServerClock, isoDate} from '/web/format.js';
import {fromSnapshot, onEvent, previewOf} from './agent-state.js';
import {callOf, withCampaign} from './call.js';
import {collectValues} from './form.js';
import {render, tick} from './render.js';

const api = new Api();
const store = new Store({
  screen: 'client', client: null, agent: null, agents: [], breaks: [], call: null, preview: null, pending: null,
  status: {status: 'offline', since: new Date(), pause: null, onhold: false},
  connection: 'offline', message: null,
});
let stream = null;
const $ = (id) => document.getElementById(id);

store.subscribe(render);
setInterval(() => tick(store.state), 1000);

/** A confirmation ("Form saved.") goes away after a while; an error stays until the next action. */
const INFO_SECONDS = 10;
let infoTimer = null;
let timed = null;
store.subscribe((state) => {
  if (state.message?.kind !== 'info' || state.message === timed) return;
  const shown = (timed = state.message);
  clearTimeout(infoTimer);
  infoTimer = setTimeout(() => {
    if (store.state.message === shown) store.update({message: null});
  }, INFO_SECONDS * 1000);
});

/** Runs an action, showing "what failed: code message" when dialerd refuses it. */
async function act(what, action, done) {
  store.update({pending: what, message: null});
  try {
    const result = await action();
    store.update({pending: null, ...(done ? {message: {kind: 'info', text: done}} : {})});
    return result;
  } catch (e) {
    const reason = e instanceof ApiError ? e.toString() : e.message;
    store.update({pending: null, message: {kind: 'error', text: `${what} failed: ${reason}`}});
    return undefined;
  }
}

// --- connect and log in -------------------------------------------------------------------

$('client-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = $('client-username').value.trim();
  const ok = await act('Connecting', () => api.connect(username, $('client-password').value));
  if (!ok) return;
  $('client-password').value = '';
  const agents = await api.get('/agents').catch(() => ({agents: []}));
  store.update({screen: 'agent', client: username, agents: list(agents.agents).map((a) => text(a.agent_number)).filter(Boolean)});
  $('agent-number').focus();
});

$('agent-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const number = $('agent-number').value.trim();
  const extension = $('agent-extension').value.trim();
  api.agentPassword = $('agent-password').value;
  store.update({agent: {number, extension}});
  startStream(number);
  const current = await act('Agent login', () => api.get(agentPath(number)));
  if (!current) return;
  if (current.status !== 'offline' && text(current.extension) === extension) {
    // Already logged in there (a reload, a second tab): check the password, then take over the view.
    if (await act('Agent login', () => api.eccp('pingagent', {agent_number: number}))) await enterWork(number);
    return;
  }
  const answer = await act('Agent login', () => api.post(`${agentPath(number)}/login`, {extension}));
  if (!answer) return;
  if (answer.status === 'logged-in') {
    await enterWork(number);
  } else if (answer.status === 'logging') {
    store.update({pending: 'login', message: {kind: 'info', text: `Logging in: answer the phone at extension ${extension}.`}});
  } else {
    store.update({message: {kind: 'error', text: `Agent login failed: dialerd answered ${answer.status}`}});
  }
});

async function enterWork(number) {
  store.update({screen: 'work', pending: null, message: null});
  const pauses = await api.eccp('getpauses').catch(() => ({}));
  const breaks = list(pauses.pause ?? pauses.pauses)
    .filter((p) => text(p.status) !== 'I' && text(p.type) !== 'H')
    .map((p) => ({id: String(p['@id']), name: text(p.name)}));
  store.update({breaks});
  await refresh(number);
  $('break-select').focus();
}

/**
 * Preview events seen so far: an offer (or its end) that arrives while refresh waits for the
 * agent's status is newer than that status, which must not overwrite it.
 */
let previewEvents = 0;

/** Reads the agent's status and call now (after login and after a reconnection). */
async function refresh(number) {
  const previewSeen = previewEvents;
  const status = await api.get(agentPath(number)).catch(() => null);
  if (!status) return;
  if (previewEvents === previewSeen) store.update({preview: status.preview ? previewOf(status.preview) : null});
  if (status.status === 'oncall' || status.callinfo) {
    const current = await api.get(`${agentPath(number)}/call`).catch(() => null);
    if (current && text(current.callid ?? current.info?.call_id) !== store.state.call?.id) {
      await showCall({...current.info, calltype: current.calltype, call_id: current.callid ?? current.info?.call_id,
        campaign_id: current.campaign_id ?? current.info?.campaign_id});
    }
  }
}

async function showCall(data) {
  const call = callOf(data);
  store.update({call});
  try {
    const full = await withCampaign(api, call);
    if (store.state.call?.id === call.id) store.update({call: {...full, active: store.state.call.active, ended: store.state.call.ended}});
  } catch (e) {
    store.update({message: {kind: 'error', text: `Reading the campaign failed: ${e}`}});
  }
}

// --- live ---------------------------------------------------------------------------------

function startStream(number) {
  stream?.stop();
  stream = new EventStream(() => api.eventsUrl(number), {
    onState: (connection) => store.update({connection}),
    onSnapshot: (snapshot) => {
      followServerClock(snapshot.at);
      const now = fromSnapshot(snapshot, number);
      const {call: live, extension, ...status} = now;
      const change = {status};
      if (store.state.screen === 'work' && status.status === 'offline') change.screen = 'agent';
      if (store.state.call?.active && !live) change.call = {...store.state.call, active: false, ended: 'while disconnected'};
      store.update(change);
      if (live && String(live.callid) !== store.state.call?.id && store.state.screen === 'work') refresh(number);
    },
    onEvent: (name, data) => {
      if (name === 'previewcall' || name === 'previewcancelled') previewEvents++;
      const change = onEvent(store.state, name, data);
      if (change) store.update(change);
      if (name === 'agentloggedin' && store.state.screen === 'work' && store.state.breaks.length === 0) enterWork(number);
      if (name === 'agentlinked') showCall(data);
      if (name === 'agentunlinked' && store.state.call && text(data.call_id) === store.state.call.id) {
        store.update({call: {...store.state.call, active: false, ended: `after ${text(data.duration)} s`}});
      }
    },
  }).start();
}

// --- actions on the agent and the call ----------------------------------------------------

const me = () => agentPath(store.state.agent.number);

$('pause-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const select = $('break-select');
  const name = select.selectedOptions[0]?.textContent;
  await act('Pause', () => api.post(`${me()}/pause`, {break_id: Number(select.value)}), `On break: ${name}.`);
});
$('unpause-button').addEventListener('click', () => act('Resume', () => api.post(`${me()}/unpause`), 'Back from the break.'));
$('endwrapup-button').addEventListener('click', () => act('End wrap-up', () => api.post(`${me()}/wrapup/end`), 'Ready for the next call.'));
$('hold-button').addEventListener('click', () => act('Hold', () => api.post(`${me()}/call/hold`), 'The call is on hold.'));
$('unhold-button').addEventListener('click', () => act('Unhold', () => api.post(`${me()}/call/unhold`), 'The call is back.'));
$('preview-accept').addEventListener('click', async () => {
  const preview = store.state.preview;
  if (await act('Accept the call', () => api.post(`${me()}/preview/accept`, {call_id: Number(preview.callId)}),
    `Dialling ${preview.phone}.`)) {
    clearPreview(preview);
  }
});
$('preview-reject').addEventListener('click', async () => {
  const preview = store.state.preview;
  if (await act('Skip the call', () => api.post(`${me()}/preview/reject`, {call_id: Number(preview.callId)}))) {
    clearPreview(preview);
  }
});

/**
 * Takes an answered offer off the screen, unless the next one is already there: its previewcall
 * event can arrive before the answer to accept or skip does.
 */
function clearPreview(answered) {
  if (store.state.preview?.callId === answered.callId) store.update({preview: null});
}
$('hangup-button').addEventListener('click', () => act('Hang up', () => api.post(`${me()}/call/hangup`)));

// Click-to-call: the agent's phone rings first; the call then arrives as agentlinked.
$('dial-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const phone = $('dial-phone').value.trim();
  const placed = await act('Call', () => api.post('/calls', {agent: store.state.agent.number, phone}),
    `Calling ${phone}: answer your phone.`);
  if (placed) $('dial-phone').value = '';
});

$('transfer-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const extension = $('transfer-extension').value.trim();
  await act('Blind transfer', () => api.post(`${me()}/call/transfer`, {extension}), `Transferred to ${extension}.`);
});
$('atxfer-button').addEventListener('click', async () => {
  const input = $('transfer-extension');
  if (!input.reportValidity()) return;
  const extension = input.value.trim();
  await act('Attended transfer', () => api.post(`${me()}/call/atxfer`, {extension}),
    `Consulting ${extension}: hang up your phone to complete the transfer.`);
});

$('schedule-date').value = isoDate(new Date(Date.now() + 86400000));
$('schedule-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const date = $('schedule-date').value;
  const seconds = (t) => (t.length === 5 ? `${t}:00` : t);
  const body = {
    schedule: {date_init: date, date_end: date, time_init: seconds($('schedule-from').value), time_end: seconds($('schedule-to').value)},
    sameagent: $('schedule-same').checked,
    newphone: $('schedule-phone').value.trim() || null,
    newcontactname: $('schedule-name').value.trim() || null,
  };
  await act('Schedule call back', () => api.post(`${me()}/call/schedule`, body), `Call back scheduled on ${date}.`);
});

$('call-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const call = store.state.call;
  const forms = collectValues(call.forms, $('call-form'));
  await act('Save form', () => api.post(`${me()}/call/form`, {campaign_type: call.type, call_id: Number(call.id), forms}),
    'Form saved.');
});

$('agent-logout').addEventListener('click', async () => {
  if (await act('Agent logout', () => api.post(`${me()}/logout`))) {
    store.update({screen: 'agent', call: null, preview: null, message: {kind: 'info', text: 'Agent logged out.'}});
  }
});
$('disconnect').addEventListener('click', async () => {
  stream?.stop();
  stream = null;
  await api.disconnect().catch(() => {});
  store.update({screen: 'client', client: null, agent: null, call: null, message: null});
  $('client-username').focus();
});

store.update({});
$('client-username').focus();
