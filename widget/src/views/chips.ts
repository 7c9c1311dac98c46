import { h } from '../dom.js';
import type { Texts } from '../i18n/texts.js';
import type { Facet } from '../queries.js';
import type { Near } from './near-controls.js';

export interface ChipsView {
  texts: Texts;
  /** value → label, per facet. */
  filters: ReadonlyMap<Facet, ReadonlyMap<string, string>>;
  near?: Near;
  remove(facet: Facet, value: string, label: string): void;
  removeNear(): void;
  clearAll(): void;
}

/** The active filters as removable chips, and "clear filters" once there are several. */
export function renderChips(view: ChipsView): HTMLElement[] {
  const t = view.texts;
  const chip = (label: string, remove: () => void) =>
    h(
      'button',
      {
        type: 'button',
        class: 'chip',
        'aria-label': t.t('removeFilter', { label }),
        onclick: remove,
      },
      `${label} ×`,
    );
  const chips = [...view.filters].flatMap(([facet, values]) =>
    [...values].map(([value, label]) => chip(label, () => view.remove(facet, value, label))),
  );
  if (view.near) {
    const { label, radiusKm } = view.near;
    chips.push(chip(`${t.t('near')} ${label} · ${t.distance(radiusKm)}`, () => view.removeNear()));
  }
  if (chips.length > 1) {
    chips.push(
      h(
        'button',
        { type: 'button', class: 'link', onclick: () => view.clearAll() },
        t.t('clearFilters'),
      ),
    );
  }
  return chips;
}
