import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { AuditEntryModel } from '../../audit/models/audit-entry.model.js';
import { ExpertModel } from '../../experts/models/expert.model.js';
import { PersonDataExportModel } from '../../people/models/person-data-export.model.js';

@ObjectType({
  description:
    'Everything Kenner holds on one person (GDPR Art. 15): the profile with its contact details, skills, materials and sectors (select them on `expert`), and the writes that touched it.',
})
export class ExpertDataExport {
  @Field(() => GraphQLISODateTime) exportedAt!: Date;
  @Field(() => ExpertModel) expert!: ExpertModel;
  @Field(() => PersonDataExportModel, {
    nullable: true,
    description: 'Their account, if they sign in: sessions and sign-in links included.',
  })
  person!: PersonDataExportModel | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'When Kenner last mailed them a reminder to confirm the profile.',
  })
  profileReminderSentAt!: Date | null;
  @Field(() => [AuditEntryModel], {
    description: 'The writes about them, and those they made signed in (their profile edits).',
  })
  auditTrail!: AuditEntryModel[];
  @Field({ description: 'Where else the data lives: the search index, rebuilt from this profile.' })
  derivedCopies!: string;
}

@ObjectType()
export class ErasureReport {
  @Field({ description: 'The erased expert global id (no longer resolvable).' }) id!: string;
  @Field({ description: 'The pseudonym that replaces it in the audit trail.' }) pseudonym!: string;
  @Field({ description: 'Audit entries rewritten to the pseudonym.' }) auditEntries!: number;
  @Field({ description: 'Accounts of the person removed with the profile (0 or 1).' })
  people!: number;
  @Field({ description: 'Their conversation messages emptied to deleted placeholders.' })
  messages!: number;
}
