import { describe, expect, it } from '@jest/globals';
import { ANONYMOUS } from '../../src/auth/caller.js';
import { expertSearch } from '../../src/search/experts/expert-search.query.js';
import { facetedQueries } from '../../src/search/faceting/faceted-query.js';

/** The engine request of a search whose hits are read for `needs`. */
const request = (needs: { matchedTechnologies: boolean; highlights: boolean }) =>
  facetedQueries(expertSearch('experts', { query: 'Mueller' }, ANONYMOUS, null, null, needs)).main;

describe('an expert search asks the engine only for the highlights that are read', () => {
  it('highlights and crops name, job title and bio only for `highlights`', () => {
    const both = request({ matchedTechnologies: true, highlights: true });
    expect(both.attributesToHighlight).toEqual(['name', 'jobTitle', 'bio', 'technologies']);
    expect(both.attributesToCrop).toEqual(['bio']);
    expect(both.highlightPreTag).toBe('<mark>');
    const highlights = request({ matchedTechnologies: false, highlights: true });
    expect(highlights.attributesToHighlight).toEqual(['name', 'jobTitle', 'bio']);
    expect(highlights.attributesToCrop).toEqual(['bio']);
  });

  it('highlights only the techniques for `matchedTechnologies`, and nothing for neither', () => {
    const matched = request({ matchedTechnologies: true, highlights: false });
    expect(matched.attributesToHighlight).toEqual(['technologies']);
    expect(matched.highlightPreTag).toBe('<mark>');
    expect(matched).not.toHaveProperty('attributesToCrop');
    const neither = request({ matchedTechnologies: false, highlights: false });
    for (const key of [
      'attributesToHighlight',
      'attributesToCrop',
      'cropLength',
      'highlightPreTag',
    ]) {
      expect(neither).not.toHaveProperty(key);
    }
  });
});
