import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { ClustersModule } from './clusters/clusters.module.js';
import { ClockModule } from './common/time/clock.module.js';
import { DomainErrorFilter } from './common/errors/domain-error.filter.js';
import { createValidationPipe } from './common/errors/validation.pipe.js';
import { ConfigModule } from './config/config.module.js';
import { ConversationsModule } from './conversations/conversations.module.js';
import { ForumModule } from './forum/forum.module.js';
import type { Environment } from './config/environment.js';
import type { DatabaseOverrides } from './database/data-source.options.js';
import { DatabaseModule } from './database/database.module.js';
import { DemandModule } from './demand/demand.module.js';
import { EdgeModule } from './edge/edge.module.js';
import { EmbedModule } from './embed/embed.module.js';
import { ExpertsModule } from './experts/experts.module.js';
import { FaqModule } from './faq/faq.module.js';
import { KennerGraphQLModule } from './graphql/graphql.module.js';
import { HealthModule } from './health/health.module.js';
import { InquiriesModule } from './inquiries/inquiries.module.js';
import { InstrumentsModule } from './instruments/instruments.module.js';
import { MatchingModule } from './matching/matching.module.js';
import { NodeModule } from './node/node.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OrganisationsModule } from './organisations/organisations.module.js';
import { PeopleModule } from './people/people.module.js';
import { ProfilesModule } from './profiles/profiles.module.js';
import { PersonalDataModule } from './personal-data/personal-data.module.js';
import { SearchModule } from './search/search.module.js';
import { SeedModule } from './seed/seed.module.js';
import { TechnologiesModule } from './technologies/technologies.module.js';
import { VocabulariesModule } from './vocabularies/vocabularies.module.js';

export interface AppOptions {
  database?: DatabaseOverrides & { synchronize?: boolean };
}

@Module({})
export class AppModule {
  static forRoot(env: Environment, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        ClockModule,
        DatabaseModule.forRoot(options.database),
        AuthModule,
        AuditModule,
        EdgeModule,
        DemandModule,
        SearchModule,
        KennerGraphQLModule,
        ClustersModule,
        OrganisationsModule,
        TechnologiesModule,
        InstrumentsModule,
        ExpertsModule,
        VocabulariesModule,
        NodeModule,
        MatchingModule,
        PersonalDataModule,
        NotificationsModule,
        PeopleModule,
        ProfilesModule,
        InquiriesModule,
        ConversationsModule,
        ForumModule,
        FaqModule,
        SeedModule,
        HealthModule,
        EmbedModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
      ],
    };
  }
}
