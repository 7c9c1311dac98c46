import { ApiError, type Credentials, KennerApi } from './api.js';
import { Combobox } from './combobox.js';
import { h, show } from './dom.js';
import { pickLanguage, Texts } from './i18n/texts.js';
import {
  type Facet,
  FACETS,
  SEARCH_EXPERTS,
  type SearchExpertsData,
  type Sort,
  SUGGEST_TECHNIQUES,
  type SuggestTechniquesData,
  type TechniqueSuggestion,
} from './queries.js';
import { STYLES } from './styles.js';
import { renderChips } from './views/chips.js';
import { renderFacets } from './views/facets.js';
import { renderInquiryForm } from './views/inquiry-form.js';
import { type Near, renderNearControls } from './views/near-controls.js';
import { nameIn, renderCards, renderEmpty, renderPager } from './views/results.js';

type Result = SearchExpertsData['searchExperts'];
const DEFAULT_RADIUS_KM = 50;

/**
 * <kenner-search>: Kenner's expert search for any page. Attributes: `lang` (en, fr, de, nl;
 * else the page's), `cluster` (a cluster's slug: only its members' experts), `endpoint` (Kenner's
 * GraphQL URL; by default the Kenner that served this script), `token` (a search token a partner's
 * server minted; without one the search is anonymous and public), `hits-per-page` (1–50),
 * `heading-level` (2–6, default 2: the level of the cards' and the form's headings, so they
 * follow the page's own outline).
 * A page that refreshes tokens sets the `tokenProvider` property to an async function.
 */
export class KennerSearchElement extends HTMLElement {
  static readonly observedAttributes = [
    'lang',
    'cluster',
    'endpoint',
    'token',
    'hits-per-page',
    'heading-level',
  ];

  /** Called for a fresh token when Kenner refuses the current one (expired or revoked). */
  tokenProvider?: () => Promise<string>;

  private readonly root: ShadowRoot;
  private texts!: Texts;
  private api!: KennerApi;
  private query = '';
  private filters = new Map<Facet, Map<string, string>>();
  private expanded = new Set<Facet>();
  private techniqueIds = new Map<string, string>();
  private near?: Near;
  private radiusKm = DEFAULT_RADIUS_KM;
  private sort: Sort = 'RELEVANCE';
  private page = 1;
  private searching?: AbortController;
  private result?: Result;
  /** The visitor's choice of showing the filters, once they made one. */
  private filtersOpen?: boolean;
  /** The last token `tokenProvider` gave, until the page sets the attribute again. */
  private refreshedToken?: string;
  private ui?: ReturnType<KennerSearchElement['build']>;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  connectedCallback(): void {
    this.setup();
  }

  disconnectedCallback(): void {
    this.searching?.abort();
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (!this.ui || before === after) return;
    if (name === 'token') {
      // Another scope: the same controls, a new search (and the page's token wins over ours).
      this.refreshedToken = undefined;
      this.page = 1;
      void this.search();
    } else {
      this.setup();
    }
  }

  private setup(): void {
    this.texts = new Texts(pickLanguage(this), this.headingLevel());
    const credentials: Credentials = {
      current: () => this.refreshedToken ?? this.getAttribute('token') ?? undefined,
      refresh: async () => {
        if (!this.tokenProvider) return undefined;
        this.refreshedToken = await this.tokenProvider();
        return this.refreshedToken;
      },
    };
    this.api = new KennerApi(this.endpoint(), credentials);
    this.mount();
    void this.search();
  }

  /** (Re)builds the controls inside the shadow root. */
  private mount(): void {
    this.ui = this.build();
    show(this.root, h('style', {}, STYLES), this.ui.root);
    // Filters open beside the results; folded above them on a phone, where they would push the
    // results a screen or two down. Measured once the styles apply.
    const filters = this.root.querySelector('details.filters') as HTMLDetailsElement;
    filters.open = this.filtersOpen ?? this.clientWidth >= 640;
  }

  private endpoint(): string {
    // The script is served at <kenner>/embed/v1/…: its GraphQL is two levels up, whatever
    // path prefix the operator's proxy adds.
    return this.getAttribute('endpoint') ?? new URL('../../graphql', import.meta.url).href;
  }

  private headingLevel(): number {
    const asked = Number(this.getAttribute('heading-level') ?? 2);
    return Number.isInteger(asked) ? Math.min(Math.max(asked, 2), 6) : 2;
  }

  private hitsPerPage(): number {
    const asked = Number(this.getAttribute('hits-per-page') ?? 10);
    return Number.isInteger(asked) ? Math.min(Math.max(asked, 1), 50) : 10;
  }

  private build() {
    const t = this.texts;
    const input = h('input', {
      id: 'kenner-q',
      type: 'search',
      part: 'input',
      placeholder: t.t('placeholder'),
      value: this.query,
      enterkeyhint: 'search',
    });
    const techniques = new Combobox<TechniqueSuggestion>(input, {
      id: 'kenner-techniques',
      suggest: (text, signal) => this.suggestTechniques(text, 6, signal),
      render: (s) => ({
        label: nameIn(s.names, t.lang),
        detail: s.acronyms.filter((a) => a !== nameIn(s.names, t.lang)).join(', '),
      }),
      select: (s) => this.pickTechnique(s),
    });
    const form = h(
      'form',
      {
        role: 'search',
        class: 'search',
        part: 'form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          this.query = input.value.trim();
          this.page = 1;
          void this.search();
        },
      },
      h('label', { for: 'kenner-q' }, t.t('searchLabel')),
      h(
        'div',
        { class: 'row' },
        h('div', { class: 'combo' }, input, techniques.listbox),
        h('button', { type: 'submit', class: 'primary', part: 'button' }, t.t('search')),
      ),
      renderNearControls({
        texts: t,
        api: this.api,
        near: this.near,
        radiusKm: this.radiusKm,
        sort: this.sort,
        setNear: (near) => this.setNear(near),
        setRadius: (km) => {
          this.radiusKm = km;
          if (this.near) this.setNear({ ...this.near, radiusKm: km });
        },
        setSort: (sort) => {
          this.sort = sort;
          this.page = 1;
          void this.search();
        },
        useMyPosition: () => this.useMyPosition(),
      }),
    );
    const ui = {
      root: h('div', { class: 'root', part: 'root', lang: t.lang }),
      chips: h('div', { class: 'row chips' }),
      status: h('p', { class: 'status', part: 'status', role: 'status' }),
      facets: h('div', {}),
      results: h('section', { 'aria-label': t.t('search') }),
      inquiry: h('div', {}),
    };
    show(
      ui.root,
      form,
      ui.chips,
      h(
        'div',
        { class: 'row' },
        ui.status,
        h('button', { type: 'button', onclick: () => this.openInquiry() }, t.t('request')),
      ),
      ui.inquiry,
      h(
        'div',
        { class: 'layout' },
        h(
          'details',
          {
            class: 'filters',
            ontoggle: (event: Event) =>
              (this.filtersOpen = (event.target as HTMLDetailsElement).open),
          },
          h('summary', {}, t.t('filters')),
          ui.facets,
        ),
        ui.results,
      ),
    );
    return ui;
  }

  private useMyPosition(): void {
    if (!navigator.geolocation) return this.announce(this.texts.t('positionUnavailable'));
    navigator.geolocation.getCurrentPosition(
      (position) =>
        this.setNear({
          lat: position.coords.latitude,
          lng: position.coords.longitude,
          radiusKm: this.radiusKm,
          label: this.texts.t('myPositionActive'),
        }),
      () => this.announce(this.texts.t('positionUnavailable')),
      { maximumAge: 600_000, timeout: 10_000 },
    );
  }

  private setNear(near: Near | undefined): void {
    this.near = near;
    if (!near && this.sort === 'DISTANCE') this.sort = 'RELEVANCE';
    if (near && this.sort === 'RELEVANCE') this.sort = 'DISTANCE';
    this.page = 1;
    // The sort choices depend on having a position: rebuild the controls, keep the focus sane.
    const focused = this.root.activeElement?.id;
    this.mount();
    if (focused) this.root.getElementById(focused)?.focus();
    void this.search();
  }

  private pickTechnique(s: TechniqueSuggestion): void {
    this.techniqueIds.set(s.slug, s.id);
    this.query = '';
    const input = this.root.getElementById('kenner-q') as HTMLInputElement | null;
    if (input) input.value = '';
    this.toggle('TECHNOLOGY', s.slug, nameIn(s.names, this.texts.lang), true);
  }

  private toggle(facet: Facet, value: string, label: string, on: boolean): void {
    const values = this.filters.get(facet) ?? new Map<string, string>();
    if (on) values.set(value, label);
    else values.delete(value);
    if (values.size) this.filters.set(facet, values);
    else this.filters.delete(facet);
    this.page = 1;
    void this.search();
  }

  private suggestTechniques(
    text: string,
    limit: number,
    signal?: AbortSignal,
  ): Promise<TechniqueSuggestion[]> {
    return this.api
      .request<SuggestTechniquesData>(
        SUGGEST_TECHNIQUES,
        { input: { query: text, hitsPerPage: limit } },
        signal,
      )
      .then((d) => d.searchTechnologies.hits.map((hit) => hit.technology));
  }

  /**
   * Techniques close to a query that found nobody: for the whole query, else for its longest
   * words one by one (a typo next to a stray word still finds its technique).
   */
  private async closeTechniques(query: string): Promise<TechniqueSuggestion[]> {
    if (!query) return [];
    const whole = await this.suggestTechniques(query, 5);
    if (whole.length) return whole;
    const words = [...new Set(query.split(/\s+/).filter((w) => w.length >= 3))]
      .sort((a, b) => b.length - a.length)
      .slice(0, 3);
    const found = new Map<string, TechniqueSuggestion>();
    for (const word of words) {
      for (const t of await this.suggestTechniques(word, 5)) found.set(t.slug, t);
      if (found.size >= 5) break;
    }
    return [...found.values()].slice(0, 5);
  }

  private async search(): Promise<void> {
    const ui = this.ui;
    if (!ui) return;
    this.searching?.abort();
    const controller = new AbortController();
    this.searching = controller;
    ui.root.setAttribute('aria-busy', 'true');
    this.renderChips();
    const cluster = this.getAttribute('cluster');
    const filters = [...this.filters].map(([facet, values]) => ({
      facet,
      values: [...values.keys()],
    }));
    if (cluster) filters.push({ facet: 'CLUSTER', values: [cluster] });
    try {
      const data = await this.api.request<SearchExpertsData>(
        SEARCH_EXPERTS,
        {
          input: {
            query: this.query || null,
            filters,
            facets: FACETS,
            near: this.near
              ? { lat: this.near.lat, lng: this.near.lng, radiusKm: this.near.radiusKm }
              : null,
            sort: this.sort,
            page: this.page,
            hitsPerPage: this.hitsPerPage(),
            language: this.texts.lang.toUpperCase(),
          },
        },
        controller.signal,
      );
      this.result = data.searchExperts;
      await this.render(this.result, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      const t = this.texts;
      const rateLimited = error instanceof ApiError && error.code === 'RATE_LIMITED';
      this.announce(rateLimited ? t.t('tooMany') : t.t('unavailable'));
    } finally {
      if (this.searching === controller) ui.root.removeAttribute('aria-busy');
    }
  }

  private async render(result: Result, signal: AbortSignal): Promise<void> {
    const ui = this.ui!;
    const t = this.texts;
    const selected = new Map([...this.filters].map(([f, v]) => [f, new Set(v.keys())]));
    show(
      ui.facets,
      renderFacets(result.facets, {
        texts: t,
        selected,
        expanded: this.expanded,
        toggle: (facet, value, label, on) => this.toggle(facet, value, label, on),
        expand: (facet, on) => {
          if (on) this.expanded.add(facet);
          else this.expanded.delete(facet);
          void this.render(result, signal);
        },
      }),
    );
    if (result.totalHits === 0) {
      const close = await this.closeTechniques(this.query).catch(() => []);
      if (signal.aborted) return;
      show(
        ui.results,
        renderEmpty(this.query, close, t, (s) => this.pickTechnique(s)),
      );
    } else {
      show(
        ui.results,
        renderCards(result.hits, t, [...(this.filters.get('TECHNOLOGY')?.keys() ?? [])], (hit) =>
          this.openInquiry(
            t.t('regarding', { name: hit.expert.name, organisation: hit.expert.organisation.name }),
          ),
        ),
        renderPager(result, t, (page) => {
          this.page = page;
          void this.search().then(() => ui.status.focus());
        }),
      );
    }
    this.announce(t.found(result.totalHits));
  }

  private renderChips(): void {
    show(
      this.ui!.chips,
      renderChips({
        texts: this.texts,
        filters: this.filters,
        near: this.near,
        remove: (facet, value, label) => this.toggle(facet, value, label, false),
        removeNear: () => this.setNear(undefined),
        clearAll: () => {
          this.filters.clear();
          this.setNear(undefined);
        },
      }),
    );
  }

  private announce(message: string): void {
    if (this.ui) {
      this.ui.status.setAttribute('tabindex', '-1');
      show(this.ui.status, message);
    }
  }

  private openInquiry(description = ''): void {
    const ui = this.ui!;
    const technologyIds = [...(this.filters.get('TECHNOLOGY')?.keys() ?? [])]
      .map((slug) => this.techniqueIds.get(slug))
      .filter((id): id is string => id !== undefined);
    const form = renderInquiryForm(
      this.api,
      this.texts,
      { description, technologyIds, near: this.near },
      () => show(ui.inquiry),
    );
    show(ui.inquiry, form);
    form.querySelector<HTMLElement>('#inquiry-requesterName')?.focus();
  }
}

if (!customElements.get('kenner-search')) {
  customElements.define('kenner-search', KennerSearchElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'kenner-search': KennerSearchElement;
  }
}
