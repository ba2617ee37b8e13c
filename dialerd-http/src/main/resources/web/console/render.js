// State → page. Each part is rendered only when the data it shows changed, so nothing the
// agent is typing (a form, a transfer extension) is thrown away by an unrelated update.

import {h, fill} from '/web/dom.js';
import {duration, secondsSince, serverNow} from '/web/format.js';
import {stateLabel} from './agent-state.js';
import {callFacts} from './call.js';
import {renderForms} from './form.js';
import {scriptNodes, looksLikeHtml} from './sanitize.js';

const $ = (id) => document.getElementById(id);
const shown = {};

/** Calls draw(value) only when value differs from what was drawn last under that key. */
function once(key, value, draw) {
  const json = JSON.stringify(value);
  if (shown[key] === json) return;
  shown[key] = json;
  draw(value);
}

export function render(state) {
  $('client-screen').hidden = state.screen !== 'client';
  $('agent-screen').hidden = state.screen !== 'agent';
  $('work-screen').hidden = state.screen !== 'work';
  $('disconnect').hidden = state.screen === 'client';
  $('agent-logout').hidden = state.screen !== 'work';
  $('session').textContent = state.client ? `client ${state.client}` + (state.agent && state.screen === 'work'
    ? ` · agent ${state.agent.number} on ${state.agent.extension}` : '') : '';
  renderConnection(state);
  renderMessage(state.message);
  if (state.screen === 'agent') {
    once('agents', state.agents, (agents) => fill($('agent-list'), agents.map((a) => h('option', {value: a}))));
    $('agent-form').querySelector('button').disabled = Boolean(state.pending);
  }
  if (state.screen === 'work') renderWork(state);
}

function renderConnection(state) {
  const el = $('connection');
  const live = state.screen === 'client' ? '' : state.connection;
  el.className = `connection ${live}`;
  el.textContent = {live: 'Live', connecting: 'Connecting…', offline: 'Reconnecting…'}[live] ?? '';
}

function renderMessage(message) {
  once('message', message, (m) => {
    const el = $('message');
    el.hidden = !m;
    el.className = `message ${m?.kind ?? ''}`;
    el.textContent = m?.text ?? '';
  });
}

function renderWork(state) {
  const {status, call, agent} = state;
  $('status-agent').textContent = agent.number;
  $('status-extension').textContent = agent.extension;
  const badge = $('status-state');
  badge.textContent = stateLabel(status);
  badge.className = `state ${status.onhold ? 'onhold' : inWrapup(status) ? 'wrapup' : status.status}`;
  tick(state);

  once('breaks', state.breaks, (breaks) => {
    fill($('break-select'), breaks.map((b) => h('option', {value: b.id}, b.name)));
  });
  const loggedIn = status.status !== 'offline';
  const onCall = Boolean(call?.active);
  const busy = Boolean(state.pending);
  $('pause-button').disabled = busy || !loggedIn || Boolean(status.pause) || state.breaks.length === 0;
  $('break-select').disabled = !loggedIn || Boolean(status.pause);
  $('unpause-button').disabled = busy || !status.pause;
  $('wrapup-box').hidden = !inWrapup(status);
  $('endwrapup-button').disabled = busy || !inWrapup(status);
  $('hold-button').disabled = busy || !onCall || status.onhold;
  $('unhold-button').disabled = busy || !onCall || !status.onhold;
  $('hangup-button').disabled = busy || !onCall;
  $('dial-button').disabled = busy || status.status !== 'online' || onCall || status.onhold;
  $('transfer-button').disabled = busy || !onCall;
  $('atxfer-button').disabled = busy || !onCall;
  const canSchedule = onCall && call.type === 'outgoing';
  $('schedule-box').hidden = !canSchedule;
  $('schedule-form').querySelector('button[type=submit]').disabled = busy || !canSchedule;

  const preview = onCall ? null : state.preview;
  once('preview', preview, () => renderPreview(preview));
  $('preview-accept').disabled = busy || !preview;
  $('preview-reject').disabled = busy || !preview;
  once('call', call && {...call, active: undefined, saved: undefined}, () => renderCall(call));
  once('form', call && {id: call.id, type: call.type, forms: call.forms, saved: call.saved}, () => renderForm(call));
  $('save-form').disabled = busy || !call || call.forms.length === 0;
}

/** The time in state, once a second; in wrap-up also the time left. */
export function tick(state) {
  if (state.screen !== 'work') return;
  $('status-time').textContent = duration(secondsSince(state.status.since));
  if (inWrapup(state.status)) {
    $('wrapup-left').textContent = duration(-secondsSince(state.status.wrapup.end, serverNow().getTime()));
  }
}

function inWrapup(status) {
  return Boolean(status.wrapup) && status.status === 'paused' && !status.pause;
}

function renderCall(call) {
  $('no-call').hidden = Boolean(call);
  $('call-details').hidden = !call;
  if (!call) return;
  fill($('call-facts'), callFacts(call).map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
  const rows = call.attributes.map((a) => h('tr', {}, h('th', {scope: 'row'}, a.label), h('td', {}, a.value)));
  fill($('call-attributes').tBodies[0], rows.length ? rows : h('tr', {}, h('td', {colspan: 2, class: 'muted'}, 'No attributes.')));
  $('contacts-box').hidden = call.type !== 'incoming';
  fill($('contacts'), call.contacts.length ? call.contacts.map((c) => h('li', {},
    c.attributes.filter((a) => a.value).map((a) => `${a.label.replace('_', ' ')}: ${a.value}`).join(' · ') || `contact ${c.id}`))
    : h('li', {class: 'muted'}, 'No contact matches this number.'));
  const script = $('script');
  if (!call.script) {
    fill(script, h('p', {class: 'muted'}, 'This campaign has no script.'));
  } else if (looksLikeHtml(call.script)) {
    fill(script, scriptNodes(call.script));
  } else {
    fill(script, call.script.split('\n').map((line) => h('p', {}, line)));
  }
}

function renderPreview(preview) {
  $('preview-box').hidden = !preview;
  if (!preview) return;
  fill($('preview-facts'), [['Phone', preview.phone], ['Campaign', preview.campaignName
    ? `${preview.campaignName} (${preview.campaignId})` : preview.campaignId], ['Call id', preview.callId],
  ['Offered until', preview.expires]].map(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]));
  const rows = preview.attributes.map((a) => h('tr', {}, h('th', {scope: 'row'}, a.label), h('td', {}, a.value)));
  fill($('preview-attributes').tBodies[0], rows.length ? rows : h('tr', {}, h('td', {colspan: 2, class: 'muted'}, 'No attributes.')));
}

function renderForm(call) {
  const forms = call?.forms ?? [];
  $('no-form').hidden = forms.length > 0;
  $('no-form').textContent = call ? 'This call\'s campaign has no form.' : 'The campaign\'s form appears with its call.';
  $('call-form').hidden = forms.length === 0;
  fill($('form-fields'), renderForms(forms, call?.saved ?? {}));
}
