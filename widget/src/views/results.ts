import { h } from '../dom.js';
import type { Lang, Texts } from '../i18n/texts.js';
import type { SearchExpertsData, TechniqueSuggestion, TranslatedNames } from '../queries.js';

type Result = SearchExpertsData['searchExperts'];
type Hit = Result['hits'][number];

/** A technique's name in the page's language, English when it has none. */
export function nameIn(names: TranslatedNames, lang: Lang): string {
  return names[lang] ?? names.en;
}

/** One card per expert: who, where, which techniques at which level, how far. */
export function renderCards(
  hits: Hit[],
  texts: Texts,
  /** Techniques the visitor filtered on: shown first and marked, like those the query matched. */
  chosen: string[],
  request: (hit: Hit) => void,
): HTMLElement {
  return h(
    'ol',
    { class: 'results', part: 'results' },
    hits.map((hit) => h('li', {}, card(hit, texts, chosen, request))),
  );
}

function card(hit: Hit, texts: Texts, chosen: string[], request: (hit: Hit) => void): HTMLElement {
  const { expert } = hit;
  const org = expert.organisation;
  const where = [org.city, texts.country(org.country)].filter(Boolean).join(', ');
  const matched = new Set([...chosen, ...hit.matchedTechnologies.map((t) => t.slug)]);
  const skills = [...expert.skills].sort(
    (a, b) => Number(matched.has(b.technology.slug)) - Number(matched.has(a.technology.slug)),
  );
  return h(
    'article',
    { class: 'card', part: 'card', 'aria-label': expert.name },
    h(texts.heading, { class: 'name' }, expert.name),
    expert.jobTitle ? h('p', {}, expert.jobTitle) : null,
    h(
      'p',
      { class: 'muted' },
      `${org.name} · ${where}`,
      hit.distanceKm !== null
        ? ` · ${texts.t('away', { distance: texts.distance(hit.distanceKm) })}`
        : '',
    ),
    h(
      'ul',
      { class: 'skills', 'aria-label': texts.t('techniques') },
      skills.map((s) =>
        h(
          'li',
          { class: matched.has(s.technology.slug) ? 'skill matched' : 'skill' },
          s.technology.acronyms[0] &&
            s.technology.acronyms[0] !== nameIn(s.technology.names, texts.lang)
            ? h('abbr', { title: nameIn(s.technology.names, texts.lang) }, s.technology.acronyms[0])
            : nameIn(s.technology.names, texts.lang),
          ` · ${texts.t(s.level)}`,
          s.years !== null ? ` · ${texts.t('years', { n: s.years })}` : '',
        ),
      ),
    ),
    h(
      'div',
      {},
      h(
        'button',
        {
          type: 'button',
          part: 'button',
          'aria-label': texts.t('requestWith', { name: expert.name }),
          onclick: () => request(hit),
        },
        texts.t('request'),
      ),
    ),
  );
}

export function renderPager(
  result: Result,
  texts: Texts,
  go: (page: number) => void,
): HTMLElement | null {
  if (result.totalPages <= 1) return null;
  const { page, totalPages } = result;
  return h(
    'nav',
    { class: 'pager', part: 'pagination', 'aria-label': texts.t('pages') },
    h(
      'button',
      { type: 'button', disabled: page <= 1, onclick: () => go(page - 1) },
      texts.t('previous'),
    ),
    h('span', { 'aria-current': 'page' }, texts.t('pageOf', { page, pages: totalPages })),
    h(
      'button',
      { type: 'button', disabled: page >= totalPages, onclick: () => go(page + 1) },
      texts.t('next'),
    ),
  );
}

/** No hit: say so, and offer techniques close to what was typed. */
export function renderEmpty(
  query: string,
  close: TechniqueSuggestion[],
  texts: Texts,
  pick: (t: TechniqueSuggestion) => void,
): HTMLElement {
  return h(
    'div',
    { class: 'empty', part: 'empty' },
    query ? h('p', {}, texts.t('noMatch', { query })) : null,
    close.length
      ? h(
          'div',
          { class: 'row' },
          h('span', {}, texts.t('closeTechniques')),
          close.map((t) =>
            h(
              'button',
              { type: 'button', class: 'chip', onclick: () => pick(t) },
              nameIn(t.names, texts.lang),
            ),
          ),
        )
      : h('p', { class: 'muted' }, texts.t('tryFewerFilters')),
  );
}
