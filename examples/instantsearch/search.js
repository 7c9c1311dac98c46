// InstantSearch on Kenner's experts index, for a static page on any origin.
import { instantMeiliSearch } from '@meilisearch/instant-meilisearch';

const KENNER = document.querySelector('meta[name="kenner-url"]').content.replace(/\/+$/, '');
/** The page's language, one of Kenner's (EN, FR, DE, NL), for every label. */
const lang =
  ['en', 'fr', 'de', 'nl'].find((l) => document.documentElement.lang.startsWith(l)) ?? 'en';
/** Mint the next token this long before the current one expires (halfway through a shorter life). */
const REFRESH_AHEAD_MS = 60_000;

const LEVELS = {
  en: { BASIC: 'basic', ADVANCED: 'advanced', EXPERT: 'expert' },
  fr: { BASIC: 'notions', ADVANCED: 'confirmé', EXPERT: 'expert' },
  de: { BASIC: 'Grundlagen', ADVANCED: 'fortgeschritten', EXPERT: 'Experte' },
  nl: { BASIC: 'basis', ADVANCED: 'gevorderd', EXPERT: 'expert' },
}[lang];
const countries = new Intl.DisplayNames([lang], { type: 'region' });
const countryName = (code) => countries.of(code.toUpperCase()) ?? code;

async function graphql(query, variables = {}) {
  const response = await fetch(`${KENNER}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const { data, errors } = await response.json();
  if (errors?.length) throw new Error(errors[0].message);
  return data;
}

// --- The search token: anonymous (public experts only), minted here, refreshed before expiry.
// A partner's page would ask its own server instead, which mints with the partner's key.
let token;
async function mint() {
  const data = await graphql(`
    mutation Mint {
      createSearchToken(indexes: [EXPERTS], expiresInSeconds: 600) {
        host
        token
        indexes
        expiresAt
      }
    }
  `);
  token = data.createSearchToken;
  return token;
}
function refreshBeforeExpiry() {
  const left = Date.parse(token.expiresAt) - Date.now();
  setTimeout(
    async () => {
      await mint().catch(() => undefined); // a failed refresh is retried on the next 401/403
      refreshBeforeExpiry();
    },
    Math.max(left - REFRESH_AHEAD_MS, left / 2, 1_000),
  );
}

/**
 * Every request of the client goes through here with the current token: so a refreshed token
 * needs no new client, and a refused one (expired, or the key rotated) is minted again once.
 */
async function httpClient(url, init) {
  const send = () => {
    const headers = new Headers(init?.headers);
    headers.set('authorization', `Bearer ${token.token}`);
    return fetch(url, { ...init, headers });
  };
  let response = await send();
  if (response.status === 401 || response.status === 403) {
    await mint();
    response = await send();
  }
  const body = await response.json();
  if (!response.ok) throw new Error(body.message ?? `search failed (${response.status})`);
  return body;
}

// --- Labels: facet values are slugs and codes; people read names in their language.
async function techniqueNames() {
  const names = new Map();
  let after = null;
  do {
    const { technologies } = await graphql(
      `
        query Techniques($after: String) {
          technologies(first: 100, after: $after) {
            edges {
              node {
                slug
                names {
                  en
                  fr
                  de
                  nl
                }
              }
            }
            pageInfo {
              hasNextPage
              endCursor
            }
          }
        }
      `,
      { after },
    );
    for (const { node } of technologies.edges)
      names.set(node.slug, node.names[lang] ?? node.names.en);
    after = technologies.pageInfo.hasNextPage ? technologies.pageInfo.endCursor : null;
  } while (after);
  return names;
}

/** A refinement list item showing `label` as text (names are data, never HTML). */
const labelledItem = (item, { html }) =>
  html` <label class="ais-RefinementList-label">
    <input
      type="checkbox"
      class="ais-RefinementList-checkbox"
      value=${item.value}
      checked=${item.isRefined}
    />
    <span class="ais-RefinementList-labelText">${item.label}</span>
    <span class="ais-RefinementList-count">${item.count}</span>
  </label>`;

const whereAndWhat = ({ jobTitle, organisation: org }) =>
  `${jobTitle} · ${[org.name, org.city].filter(Boolean).join(', ')} (${countryName(org.country)})`;

async function start() {
  const [names] = await Promise.all([techniqueNames(), mint()]);
  refreshBeforeExpiry();
  const technique = (slug) => names.get(slug) ?? slug;
  const { searchClient } = instantMeiliSearch(token.host, () => token.token, {
    httpClient,
    finitePagination: true,
  });
  const { searchBox, stats, hits, refinementList, pagination, configure } = instantsearch.widgets;
  const search = instantsearch({ indexName: token.indexes[0], searchClient });
  search.addWidgets([
    configure({ hitsPerPage: 10 }),
    searchBox({ container: '#searchbox', placeholder: 'DRX, MEB, spectroscopie…' }),
    stats({ container: '#stats' }),
    refinementList({
      container: '#techniques',
      attribute: 'technologySlugs',
      searchable: true,
      searchablePlaceholder: 'Chercher une technique',
      transformItems: (items) => items.map((item) => ({ ...item, label: technique(item.value) })),
      templates: { item: labelledItem },
    }),
    refinementList({
      container: '#countries',
      attribute: 'organisation.country',
      transformItems: (items) => items.map((item) => ({ ...item, label: countryName(item.value) })),
      templates: { item: labelledItem },
    }),
    hits({
      container: '#hits',
      templates: {
        item: (hit, { html }) =>
          html` <article class="expert">
            <h2>${hit.name}</h2>
            <p>${whereAndWhat(hit)}</p>
            <p>
              ${hit.technologies.map((t) => `${technique(t.slug)} (${LEVELS[t.level] ?? t.level})`).join(' · ')}
            </p>
          </article>`,
        empty: (_results, { html }) => html`<p>Aucun expert trouvé.</p>`,
      },
    }),
    pagination({ container: '#pagination' }),
  ]);
  search.start();
}

start().catch((error) => {
  document.getElementById('error').textContent = `Kenner : ${error.message}`;
  throw error;
});
