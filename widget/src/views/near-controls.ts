import type { KennerApi } from '../api.js';
import { Combobox } from '../combobox.js';
import { h } from '../dom.js';
import type { Texts } from '../i18n/texts.js';
import { type Sort, type Town, TOWNS } from '../queries.js';

export interface Near {
  lat: number;
  lng: number;
  radiusKm: number;
  /** The town's name, or "my position". */
  label: string;
}

export const RADII_KM = [10, 25, 50, 100, 250];

export interface NearView {
  texts: Texts;
  api: KennerApi;
  near?: Near;
  radiusKm: number;
  sort: Sort;
  setNear(near: Near): void;
  setRadius(km: number): void;
  setSort(sort: Sort): void;
  useMyPosition(): void;
}

/**
 * "Near" a town (suggested from the towns where Kenner's organisations are) or the visitor's
 * position, within a radius; and the sort, which offers distance once there is a position.
 */
export function renderNearControls(view: NearView): HTMLElement {
  const t = view.texts;
  const town = h('input', { id: 'kenner-town', type: 'text', placeholder: t.t('town') });
  const towns = new Combobox<Town>(town, {
    id: 'kenner-towns',
    minLength: 2,
    suggest: (text, signal) =>
      view.api
        .request<{ towns: Town[] }>(TOWNS, { query: text, language: t.lang.toUpperCase() }, signal)
        .then((d) => d.towns),
    render: (place) => ({ label: place.name, detail: place.countryName }),
    select: (place) => {
      town.value = '';
      view.setNear({
        lat: place.latitude,
        lng: place.longitude,
        radiusKm: view.radiusKm,
        label: place.name,
      });
    },
  });
  const radius = h(
    'select',
    {
      id: 'kenner-radius',
      onchange: (event: Event) => view.setRadius(Number((event.target as HTMLSelectElement).value)),
    },
    RADII_KM.map((km) =>
      h('option', { value: km, selected: km === view.radiusKm }, t.distance(km)),
    ),
  );
  const sorts: Sort[] = ['RELEVANCE', 'NAME', ...(view.near ? (['DISTANCE'] as const) : [])];
  const sort = h(
    'select',
    {
      id: 'kenner-sort',
      onchange: (event: Event) => view.setSort((event.target as HTMLSelectElement).value as Sort),
    },
    sorts.map((s) => h('option', { value: s, selected: s === view.sort }, t.t(s))),
  );
  return h(
    'div',
    { class: 'row near', part: 'near' },
    h('label', { for: 'kenner-town' }, t.t('near')),
    h('div', { class: 'combo' }, town, towns.listbox),
    h('label', { for: 'kenner-radius', class: 'sr-only' }, t.t('radius')),
    radius,
    h('button', { type: 'button', onclick: () => view.useMyPosition() }, t.t('myPosition')),
    h('label', { for: 'kenner-sort' }, t.t('sortBy')),
    sort,
  );
}
