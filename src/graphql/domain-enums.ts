import { registerEnumType } from '@nestjs/graphql';
import { ServiceKind, Visibility } from '../experts/expert.entity.js';
import { SkillLevel } from '../experts/expert-skill.entity.js';
import { AccessMode } from '../instruments/instrument.entity.js';
import { OrganisationType } from '../organisations/organisation.entity.js';

// The enums are domain values stored in the database; registering them here publishes the same
// values in the API, so the two can never disagree.
registerEnumType(OrganisationType, { name: 'OrganisationType' });
registerEnumType(AccessMode, {
  name: 'AccessMode',
  description: 'Who can use an instrument: its owners only, research partners, or paying clients.',
});
registerEnumType(Visibility, {
  name: 'Visibility',
  description: 'Who may see an expert: everyone, members of their clusters, or cluster staff.',
});
registerEnumType(ServiceKind, { name: 'ServiceKind' });
registerEnumType(SkillLevel, { name: 'SkillLevel' });

export { AccessMode, OrganisationType, ServiceKind, SkillLevel, Visibility };
