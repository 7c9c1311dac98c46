import { ApiError, type KennerApi } from '../api.js';
import { h, show } from '../dom.js';
import type { Texts } from '../i18n/texts.js';
import { SUBMIT_INQUIRY } from '../queries.js';

/** Countries offered first: the Greater Region and its neighbours; names come from the browser. */
const COUNTRIES = [
  'LU',
  'BE',
  'DE',
  'FR',
  'NL',
  'AT',
  'CH',
  'IT',
  'ES',
  'PT',
  'IE',
  'GB',
  'DK',
  'SE',
  'NO',
  'FI',
  'PL',
  'CZ',
  'SK',
  'HU',
  'SI',
  'HR',
  'RO',
  'BG',
  'GR',
  'EE',
  'LV',
  'LT',
  'MT',
  'CY',
  'US',
  'CA',
];

export interface InquiryContext {
  /** Pre-filled description, e.g. the expert the visitor came from. */
  description: string;
  technologyIds: string[];
  near?: { lat: number; lng: number; radiusKm: number };
}

const FIELDS = ['requesterName', 'email', 'organisation', 'country', 'description'] as const;

/**
 * "Request an analysis": submits an inquiry (with the requester's consent) and shows the
 * reference to quote. Kenner's errors name the field; the message goes beside that field.
 */
export function renderInquiryForm(
  api: KennerApi,
  texts: Texts,
  context: InquiryContext,
  close: () => void,
): HTMLElement {
  const box = h('section', {
    class: 'inquiry',
    part: 'inquiry',
    'aria-labelledby': 'inquiry-title',
  });
  const input = (name: string, type = 'text', extra = {}) =>
    h('input', { id: `inquiry-${name}`, name, type, required: true, ...extra });
  const controls: Record<string, HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement> = {
    requesterName: input('requesterName', 'text', { autocomplete: 'name', maxlength: 200 }),
    email: input('email', 'email', { autocomplete: 'email', maxlength: 254 }),
    organisation: input('organisation', 'text', { autocomplete: 'organization', maxlength: 200 }),
    country: h(
      'select',
      { id: 'inquiry-country', name: 'country', required: true },
      COUNTRIES.map((code) => ({ code, name: texts.country(code) }))
        .sort((a, b) => a.name.localeCompare(b.name, texts.lang))
        .map(({ code, name }) => h('option', { value: code, selected: code === 'LU' }, name)),
    ),
    description: h('textarea', {
      id: 'inquiry-description',
      name: 'description',
      rows: 5,
      required: true,
      maxlength: 5000,
    }),
  };
  controls.description!.value = context.description;
  const deadline = h('input', { id: 'inquiry-deadline', type: 'date', name: 'deadline' });
  const consent = h('input', { id: 'inquiry-consent', type: 'checkbox', required: true });
  const problem = h('p', { class: 'error', role: 'alert' });
  const send = h('button', { type: 'submit', class: 'primary', part: 'button' }, texts.t('send'));

  const label = (key: (typeof FIELDS)[number], text: string) =>
    h('label', {}, text, controls[key], h('span', { id: `inquiry-${key}-error`, class: 'error' }));
  const form = h(
    'form',
    { novalidate: true },
    h(texts.heading, { id: 'inquiry-title', class: 'title', tabindex: '-1' }, texts.t('request')),
    h('p', { class: 'muted' }, texts.t('requestIntro')),
    label('requesterName', texts.t('requesterName')),
    label('email', texts.t('email')),
    label('organisation', texts.t('organisation')),
    label('country', texts.t('country')),
    label('description', texts.t('description')),
    h('label', {}, texts.t('deadline'), deadline),
    h('label', { class: 'check' }, consent, h('span', {}, texts.t('consent'))),
    problem,
    h(
      'div',
      { class: 'row' },
      send,
      h('button', { type: 'button', onclick: close }, texts.t('cancel')),
    ),
  );

  const mark = (field: string | undefined, message: string) => {
    const control = field ? controls[field] : undefined;
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.setAttribute('aria-describedby', `inquiry-${field}-error`);
      show(box.querySelector(`#inquiry-${field}-error`)!, message);
      control.focus();
    } else {
      show(problem, message);
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const control of Object.values(controls)) control.removeAttribute('aria-invalid');
    box.querySelectorAll('.error').forEach((el) => el.replaceChildren());
    const missing = FIELDS.find((f) => !controls[f]!.value.trim());
    if (missing) return mark(missing, texts.t('required'));
    if (!consent.checked) {
      consent.focus();
      return void show(problem, texts.t('consentRequired'));
    }
    send.disabled = true;
    show(send, texts.t('sending'));
    const values = Object.fromEntries(FIELDS.map((f) => [f, controls[f]!.value.trim()]));
    api
      .request<{ submitInquiry: { reference: string } }>(SUBMIT_INQUIRY, {
        input: {
          ...values,
          consentToContact: true,
          deadline: deadline.value || null,
          technologyIds: context.technologyIds.length ? context.technologyIds : null,
          latitude: context.near?.lat ?? null,
          longitude: context.near?.lng ?? null,
          radiusKm: context.near?.radiusKm ?? null,
        },
      })
      .then(({ submitInquiry }) => {
        const done = h(
          'p',
          { class: 'notice', tabindex: '-1', role: 'status' },
          texts.t('sent', { reference: submitInquiry.reference }),
        );
        show(box, done, h('button', { type: 'button', onclick: close }, texts.t('close')));
        done.focus();
      })
      .catch((error: unknown) => {
        send.disabled = false;
        show(send, texts.t('send'));
        if (error instanceof ApiError && error.code === 'RATE_LIMITED')
          mark(undefined, texts.t('tooMany'));
        else if (error instanceof ApiError && error.code === 'BAD_USER_INPUT')
          mark(error.field, error.message);
        else mark(undefined, texts.t('unavailable'));
      });
  });
  show(box, form);
  return box;
}
