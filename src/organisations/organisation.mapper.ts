import { toGlobalId } from '../common/graphql/global-id.js';
import type { OrganisationEntity } from './organisation.entity.js';
import { OrganisationModel } from './models/organisation.model.js';

export const toOrganisationModel = (e: OrganisationEntity): OrganisationModel =>
  Object.assign(new OrganisationModel(), {
    id: toGlobalId('Organisation', e.id),
    dbId: e.id,
    name: e.name,
    acronym: e.acronym,
    aliases: e.aliases,
    type: e.type,
    description: e.description,
    website: e.website,
    city: e.city,
    region: e.region,
    country: e.country,
    latitude: e.latitude,
    longitude: e.longitude,
    rorId: e.rorId,
  });
