// A typed Kenner client: the operations below are checked against schema.gql by GraphQL Code
// Generator, and their variables and results are typed. Run it with Kenner on localhost:3000:
//   cd examples && npm run check && npx tsc -p typed-client --noEmit false --outDir typed-client/dist
//   node typed-client/dist/client.js [--inquire]
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { SkillLevel } from './gql/graphql.js';
import { graphql } from './gql/index.js';

const KENNER = process.env.KENNER_URL ?? 'http://localhost:3000';

export const SearchExperts = graphql(`
  query SearchExperts($query: String!, $language: Language!, $page: Int) {
    searchExperts(
      input: {
        query: $query
        language: $language
        page: $page
        hitsPerPage: 10
        facets: [TECHNOLOGY, COUNTRY]
      }
    ) {
      totalHits
      page
      totalPages
      hits {
        distanceKm
        expert {
          id
          name
          jobTitle
          organisation {
            name
            city
            country
          }
          skills {
            level
            technology {
              slug
              name
            }
          }
        }
        matchedTechnologies {
          slug
        }
      }
      facets {
        facet
        values {
          value
          label
          count
        }
      }
    }
  }
`);

export const SubmitInquiry = graphql(`
  mutation SubmitInquiry($input: SubmitInquiryInput!) {
    submitInquiry(input: $input) {
      reference
      status
      submittedAt
    }
  }
`);

/** Exhaustive: a level added to or renamed in the schema fails the type check here. */
const LEVELS: Record<SkillLevel, string> = {
  BASIC: 'basic',
  ADVANCED: 'advanced',
  EXPERT: 'expert',
};

/** One GraphQL request: typed variables in, typed data out, errors thrown. */
export async function request<Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  apiKey?: string,
): Promise<Result> {
  const response = await fetch(`${KENNER}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as {
    data?: Result | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  if (body.errors?.length || !body.data) {
    const [first] = body.errors ?? [];
    throw new Error(
      `${first?.extensions?.code ?? response.status}: ${first?.message ?? 'no data'}`,
    );
  }
  return body.data;
}

async function main(): Promise<void> {
  const { searchExperts } = await request(SearchExperts, { query: 'DRX', language: 'FR' });
  console.log(`${searchExperts.totalHits} experts for "DRX"`);
  for (const { expert } of searchExperts.hits) {
    const skills = expert.skills.map((s) => `${s.technology.name} (${LEVELS[s.level]})`).join(', ');
    console.log(`- ${expert.name}, ${expert.organisation.name}: ${skills}`);
  }
  const techniques = searchExperts.facets.find((f) => f.facet === 'TECHNOLOGY');
  console.log('Techniques:', techniques?.values.map((v) => `${v.label} (${v.count})`).join(', '));

  if (process.argv.includes('--inquire')) {
    const { submitInquiry } = await request(SubmitInquiry, {
      input: {
        requesterName: 'Ada Example',
        email: 'ada@example.com',
        organisation: 'Example Steel',
        country: 'LU',
        description: 'Phase analysis of a welded steel sample by X-ray diffraction.',
        consentToContact: true,
      },
    });
    const reference: string = submitInquiry.reference;
    console.log(`Inquiry ${reference}: ${submitInquiry.status}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
