import { describe, expect, it } from '@jest/globals';
import {
  anyWord,
  fullTextStatements,
  pagingOf,
} from '../../tools/baseline/postgres-full-text/full-text.query.js';
import { ExpertFacet } from '../../src/search/experts/expert-facets.js';

/** The SQL of the PostgreSQL full-text alternative, without a database. */
describe('full-text statements', () => {
  const input = {
    query: 'XRD',
    filters: [
      { facet: ExpertFacet.COUNTRY, values: ["LU' OR 1=1 --"] },
      { facet: ExpertFacet.MATERIAL, values: ['steel'] },
    ],
    facets: [ExpertFacet.COUNTRY, ExpertFacet.MATERIAL, ExpertFacet.SECTOR],
  };

  it('passes every value as a parameter, never in the text', () => {
    const { hits, facets } = fullTextStatements(input, ['PUBLIC'], 'all');
    for (const sql of [hits, ...facets.map((f) => f.sql)]) {
      expect(sql.text).not.toContain('1=1');
      expect(sql.text).not.toContain('XRD');
      expect(sql.text).not.toContain('PUBLIC');
    }
    expect(hits.values).toEqual(expect.arrayContaining(['XRD', ["LU' OR 1=1 --"], ['steel']]));
  });

  it('counts a filtered facet without its own filter, and the others under every filter', () => {
    const { facets } = fullTextStatements(input, ['PUBLIC'], 'all');
    const text = (facet: ExpertFacet) => facets.find((f) => f.facet === facet)?.sql.text ?? '';
    expect(text(ExpertFacet.COUNTRY)).not.toContain('e.country = ANY');
    expect(text(ExpertFacet.COUNTRY)).toContain('e.materials &&');
    expect(text(ExpertFacet.MATERIAL)).toContain('e.country = ANY');
    expect(text(ExpertFacet.MATERIAL)).not.toContain('e.materials &&');
    expect(text(ExpertFacet.SECTOR)).toContain('e.country = ANY');
    expect(text(ExpertFacet.SECTOR)).toContain('e.materials &&');
  });

  it('relaxes to any word with the query operators taken out', () => {
    expect(anyWord('need "XRD" -SEM or DSC')).toBe('need or XRD or SEM or DSC');
    expect(fullTextStatements({ query: 'a b' }, ['PUBLIC'], 'any').hits.values).toContain('a or b');
  });

  it('keeps paging within 1…100 hits, 20 by default', () => {
    expect(pagingOf({})).toEqual({ page: 1, hitsPerPage: 20 });
    expect(pagingOf({ page: 0, hitsPerPage: 1000 })).toEqual({ page: 1, hitsPerPage: 100 });
  });
});
