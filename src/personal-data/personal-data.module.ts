import { Module } from '@nestjs/common';
import { SearchModule } from '../search/search.module.js';
import { PersonalDataResolver } from './personal-data.resolver.js';
import { PersonalDataService } from './personal-data.service.js';

@Module({ imports: [SearchModule], providers: [PersonalDataService, PersonalDataResolver] })
export class PersonalDataModule {}
