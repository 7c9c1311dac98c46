import { h } from '../dom.js';
import type { Texts } from '../i18n/texts.js';
import type { Facet, SearchExpertsData } from '../queries.js';

type FacetCounts = SearchExpertsData['searchExperts']['facets'][number];

/** Values shown before "show more": enough to scan, few enough for a phone. */
const SHOWN = 6;

export interface FacetView {
  texts: Texts;
  selected: ReadonlyMap<Facet, ReadonlySet<string>>;
  expanded: ReadonlySet<Facet>;
  toggle(facet: Facet, value: string, label: string, on: boolean): void;
  expand(facet: Facet, on: boolean): void;
}

/** One fieldset of checkboxes per facet; selected values stay visible even at zero. */
export function renderFacets(facets: FacetCounts[], view: FacetView): HTMLElement {
  return h(
    'div',
    { class: 'facets', part: 'facets', role: 'group', 'aria-label': view.texts.t('filters') },
    facets.filter((f) => f.values.length > 0).map((f) => facetGroup(f, view)),
  );
}

function facetGroup({ facet, values }: FacetCounts, view: FacetView): HTMLElement {
  const chosen = view.selected.get(facet) ?? new Set<string>();
  const expanded = view.expanded.has(facet);
  const shown = expanded ? values : values.filter((v, i) => i < SHOWN || chosen.has(v.value));
  const id = `facet-${facet.toLowerCase()}`;
  return h(
    'fieldset',
    { class: 'facet', part: 'facet', id },
    h('legend', {}, view.texts.t(facet === 'CLUSTER' ? 'CLUSTER' : facet)),
    h(
      'ul',
      {},
      shown.map((v) =>
        h(
          'li',
          {},
          h(
            'label',
            {},
            h('input', {
              type: 'checkbox',
              checked: chosen.has(v.value),
              onchange: (event: Event) =>
                view.toggle(facet, v.value, v.label, (event.target as HTMLInputElement).checked),
            }),
            h('span', {}, v.label),
            h('span', { class: 'count', 'aria-hidden': 'true' }, view.texts.number(v.count)),
            h('span', { class: 'sr-only' }, ` (${view.texts.number(v.count)})`),
          ),
        ),
      ),
    ),
    values.length > SHOWN
      ? h(
          'button',
          {
            type: 'button',
            class: 'link',
            'aria-expanded': String(expanded),
            'aria-controls': id,
            onclick: () => view.expand(facet, !expanded),
          },
          view.texts.t(expanded ? 'showLess' : 'showMore'),
        )
      : null,
  );
}
