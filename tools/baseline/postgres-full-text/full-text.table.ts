import type pg from 'pg';

/** The denormalised table the alternative searches: one row per expert, every visibility. */
export const FULL_TEXT_TABLE = 'expert_full_text';

/**
 * The text search configuration: PostgreSQL's `simple` parser and dictionary (lower-case, no
 * stemming, no stop words) behind `unaccent`, the recipe of the PostgreSQL manual. Why not a
 * language configuration: one expert row holds every technique name in English, French, German
 * and Dutch, and a stemmer of one language mangles the words of the others. Why no stop words:
 * the four languages' stop lists hold acronyms of the taxonomy (OM, MET, TA, ET, SE).
 */
export const FULL_TEXT_CONFIG = 'kenner_full_text';

const CONFIGURATION = [
  'CREATE EXTENSION IF NOT EXISTS unaccent',
  `DROP TABLE IF EXISTS ${FULL_TEXT_TABLE}`,
  `DROP TEXT SEARCH CONFIGURATION IF EXISTS ${FULL_TEXT_CONFIG}`,
  `CREATE TEXT SEARCH CONFIGURATION ${FULL_TEXT_CONFIG} (COPY = simple)`,
  `ALTER TEXT SEARCH CONFIGURATION ${FULL_TEXT_CONFIG}
     ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple`,
];

const names = (t: string) =>
  `concat_ws(' ', ${t}.name, ${t}."nameFr", ${t}."nameDe", ${t}."nameNl")`;
const jsonWords = (column: string) =>
  `(SELECT string_agg(w, ' ') FROM json_array_elements_text(${column}::json) w)`;
const jsonArray = (column: string) =>
  `ARRAY(SELECT json_array_elements_text(${column}::json) ORDER BY 1)`;
const vector = (text: string) => `to_tsvector('${FULL_TEXT_CONFIG}', coalesce(${text}, ''))`;

/**
 * The same information as the Meilisearch expert document (search/indexes/expert.document.ts),
 * read from Kenner's tables in one statement. Weights follow the index's attribute order: A the
 * person and their techniques (every name, the acronyms and synonyms stored with each technique),
 * B job title and materials, C broader techniques, organisation and sectors, D the bio. The
 * cross-technique synonym map Meilisearch gets from the taxonomy is not built: the row already
 * holds every name of the expert's own techniques, which is what a team would store.
 */
const CREATE_TABLE = `
CREATE TABLE ${FULL_TEXT_TABLE} AS
WITH RECURSIVE lineage AS (
  SELECT id AS "technologyId", "parentId" AS "ancestorId", 1 AS depth
    FROM technologies WHERE "parentId" IS NOT NULL
  UNION ALL
  SELECT l."technologyId", p."parentId", l.depth + 1
    FROM lineage l JOIN technologies p ON p.id = l."ancestorId"
   WHERE p."parentId" IS NOT NULL AND l.depth < 32
),
technique AS (
  SELECT t.id, t.slug, coalesce(c.slug, t.slug) AS category,
         concat_ws(' ', ${names('t')}, ${jsonWords('t.acronyms')}, ${jsonWords('t.synonyms')}) AS words,
         (SELECT string_agg(${names('p')}, ' ') FROM lineage l JOIN technologies p ON p.id = l."ancestorId"
           WHERE l."technologyId" = t.id) AS broader
    FROM technologies t LEFT JOIN technologies c ON c.id = t."categoryId"
),
expert_technique AS (
  SELECT s."expertId", array_agg(t.slug::text ORDER BY t.slug) AS slugs,
         array_agg(DISTINCT t.category::text) AS categories,
         string_agg(t.words, ' ') AS words, string_agg(t.broader, ' ') AS broader
    FROM expert_skills s JOIN technique t ON t.id = s."technologyId" GROUP BY s."expertId"
),
expert_material AS (
  SELECT l."expertId", array_agg(m.slug::text ORDER BY m.slug) AS slugs, string_agg(${names('m')}, ' ') AS words
    FROM expert_materials l JOIN materials m ON m.id = l."materialId" GROUP BY l."expertId"
),
expert_sector AS (
  SELECT l."expertId", array_agg(s.slug::text ORDER BY s.slug) AS slugs, string_agg(${names('s')}, ' ') AS words
    FROM expert_sectors l JOIN sectors s ON s.id = l."sectorId" GROUP BY l."expertId"
),
organisation_cluster AS (
  SELECT m."organisationId", array_agg(c.slug::text ORDER BY c.slug) AS slugs
    FROM organisation_clusters m JOIN clusters c ON c.id = m."clusterId" GROUP BY m."organisationId"
)
SELECT e.id, e.name::text, e."jobTitle"::text AS job_title, e.visibility::text,
       e."lastVerifiedAt" AS last_verified_at,
       o.id::text AS organisation_id, o.name::text AS organisation_name,
       o.type::text AS organisation_type, o.country::text, o.region::text,
       o.latitude AS lat, o.longitude AS lng,
       coalesce(et.slugs, '{}') AS technologies, coalesce(et.categories, '{}') AS technique_categories,
       coalesce(em.slugs, '{}') AS materials, coalesce(es.slugs, '{}') AS sectors,
       ${jsonArray('e.services')} AS services, ${jsonArray('e.languages')} AS languages,
       coalesce(oc.slugs, '{}') AS clusters,
       setweight(${vector(`concat_ws(' ', e.name, et.words)`)}, 'A') ||
       setweight(${vector(`concat_ws(' ', e."jobTitle", em.words)`)}, 'B') ||
       setweight(${vector(`concat_ws(' ', et.broader, o.name, o.acronym, ${jsonWords('o.aliases')}, o.city, es.words)`)}, 'C') ||
       setweight(${vector('e.bio')}, 'D') AS document
  FROM experts e
  JOIN organisations o ON o.id = e."organisationId"
  LEFT JOIN expert_technique et ON et."expertId" = e.id
  LEFT JOIN expert_material em ON em."expertId" = e.id
  LEFT JOIN expert_sector es ON es."expertId" = e.id
  LEFT JOIN organisation_cluster oc ON oc."organisationId" = o.id`;

const ARRAY_FACETS = [
  'technologies',
  'technique_categories',
  'materials',
  'sectors',
  'services',
  'languages',
  'clusters',
];

/**
 * What a team would index: the text (GIN), the multi-valued facets that filters overlap (GIN on
 * the arrays), the scalar facets filtered most (B-tree), and latitude for the radius's bounding box.
 */
const INDEXES = [
  `ALTER TABLE ${FULL_TEXT_TABLE} ADD PRIMARY KEY (id)`,
  `CREATE INDEX ON ${FULL_TEXT_TABLE} USING gin (document)`,
  ...ARRAY_FACETS.map((column) => `CREATE INDEX ON ${FULL_TEXT_TABLE} USING gin (${column})`),
  `CREATE INDEX ON ${FULL_TEXT_TABLE} (country)`,
  `CREATE INDEX ON ${FULL_TEXT_TABLE} (organisation_id)`,
  `CREATE INDEX ON ${FULL_TEXT_TABLE} (lat, lng)`,
  `ANALYZE ${FULL_TEXT_TABLE}`,
];

export interface FullTextBuild {
  rows: number;
  seconds: number;
}

/**
 * (Re)builds the table, its configuration and indexes in one transaction, on a database holding
 * Kenner's schema and data; timed from the first statement to the end of ANALYZE.
 */
export async function buildFullTextTable(pool: pg.Pool): Promise<FullTextBuild> {
  const client = await pool.connect();
  const started = performance.now();
  try {
    await client.query('BEGIN');
    for (const sql of [...CONFIGURATION, CREATE_TABLE, ...INDEXES]) await client.query(sql);
    await client.query('COMMIT');
    const seconds = (performance.now() - started) / 1000;
    const count = await client.query<{ rows: number }>(
      `SELECT count(*)::int AS rows FROM ${FULL_TEXT_TABLE}`,
    );
    return { rows: count.rows[0]?.rows ?? 0, seconds: Math.round(seconds * 100) / 100 };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
