// The campaign's forms (getcampaigninfo) as HTML controls, one per field type, and back to
// the values saveformdata takes: {formId: {fieldId: value}}. LABEL fields are text to read,
// not input, and are not sent.

import {h} from '/web/dom.js';
import {list, text} from '/web/api.js';

/** Plain forms from the mapped getcampaigninfo answer. */
export function formsOf(campaignInfo) {
  return list(campaignInfo?.forms).map((form) => ({
    id: String(form['@id']),
    name: form['@name'] || `Form ${form['@id']}`,
    description: form['@description'] || '',
    fields: list(form.field)
      .map((f) => ({
        id: String(f['@id']),
        order: Number(f['@order'] ?? 0),
        label: text(f.label),
        type: text(f.type).toUpperCase(),
        maxsize: Number(text(f.maxsize)) || undefined,
        options: list(f.options).map(text),
        defaultValue: text(f.default_value),
      }))
      .sort((a, b) => a.order - b.order),
  }));
}

/** Values already saved for the call (agentlinked's call_survey): {formId: {fieldId: value}}. */
export function savedValues(survey) {
  const values = {};
  for (const form of list(survey?.form)) {
    const fields = (values[String(form['@id'])] = {});
    for (const field of list(form.field)) fields[String(field['@id'])] = text(field.value);
  }
  return values;
}

const controlId = (form, field) => `form-${form.id}-field-${field.id}`;

/** The controls of every form, filled with the saved value or else the field's default. */
export function renderForms(forms, saved) {
  return forms.map((form) => h('fieldset', {class: 'form-set'},
    h('legend', {class: 'form-title'}, form.name),
    form.description ? h('p', {class: 'muted'}, form.description) : null,
    form.fields.map((field) => renderField(form, field, saved[form.id]?.[field.id] ?? field.defaultValue))));
}

function renderField(form, field, value) {
  const id = controlId(form, field);
  if (field.type === 'LABEL') {
    return h('p', {class: 'form-label', id}, field.label);
  }
  let control;
  if (field.type === 'TEXTAREA') {
    control = h('textarea', {id, rows: 3, maxlength: field.maxsize});
    control.value = value;
  } else if (field.type === 'LIST') {
    const choices = field.options.includes(value) || value === '' ? field.options : [value, ...field.options];
    control = h('select', {id},
      h('option', {value: ''}, '(choose)'),
      choices.map((option) => h('option', {value: option}, option)));
    control.value = value;
  } else if (field.type === 'DATE') {
    control = h('input', {id, type: 'date', value: /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : ''});
  } else {
    control = h('input', {id, type: 'text', maxlength: field.maxsize, value});
  }
  return h('div', {class: 'field'}, h('label', {for: id}, field.label), control);
}

/** What the controls hold now, as saveformdata's forms. */
export function collectValues(forms, root) {
  const values = {};
  for (const form of forms) {
    const fields = {};
    for (const field of form.fields) {
      if (field.type === 'LABEL') continue;
      const control = root.querySelector(`#${controlId(form, field)}`);
      if (control) fields[field.id] = control.value;
    }
    values[form.id] = fields;
  }
  return values;
}
