// The call on screen: what agentlinked (or the call endpoint, after a reconnection) says, plus
// the campaign's script and forms, read once per call.

import {list, text} from '/web/api.js';
import {formsOf, savedValues} from './form.js';

/** The call from agentlinked's data, or from getcallinfo's answer (the same element names). */
export function callOf(data) {
  const calltype = text(data.calltype);
  return {
    active: true,
    type: calltype,
    id: text(data.call_id ?? data.callid),
    campaignId: text(data.campaign_id),
    phone: text(data.phone ?? data.callnumber),
    queue: text(data.queue),
    linkStart: text(data.datetime_linkstart),
    attributes: list(data.call_attributes)
      .map((a) => ({label: text(a.label), value: text(a.value), order: Number(text(a.order)) || 0}))
      .sort((a, b) => a.order - b.order),
    contacts: list(data.matching_contacts).map((c) => ({
      id: String(c['@id'] ?? ''),
      attributes: list(c.attribute).map((a) => ({label: text(a.label), value: text(a.value)})),
    })),
    saved: savedValues(data.call_survey),
    campaignName: '',
    script: '',
    forms: [],
    ended: null,
  };
}

/** Reads the campaign's name, script and forms (or, without a campaign, the queue's script). */
export async function withCampaign(api, call) {
  if (call.campaignId) {
    const info = await api.get(`/campaigns/${encodeURIComponent(call.type)}/${encodeURIComponent(call.campaignId)}`);
    return {...call, campaignName: text(info.name), script: text(info.script), forms: formsOf(info)};
  }
  if (call.queue) {
    const info = await api.get(`/queues/${encodeURIComponent(call.queue)}`);
    return {...call, script: text(info.script)};
  }
  return call;
}

/** The facts shown at the top of the call, in reading order. */
export function callFacts(call) {
  const facts = [
    ['Call type', call.type === 'incoming' ? 'Incoming' : call.type === 'outgoing' ? 'Outgoing' : call.type],
    ['Phone', call.phone || '(unknown)'],
    ['Campaign', call.campaignName ? `${call.campaignName} (${call.campaignId})` : call.campaignId || '(none)'],
  ];
  if (call.queue) facts.push(['Queue', call.queue]);
  facts.push(['Call id', call.id]);
  if (call.ended) facts.push(['Ended', call.ended]);
  return facts;
}
