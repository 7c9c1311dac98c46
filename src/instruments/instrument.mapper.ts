import { toGlobalId } from '../common/graphql/global-id.js';
import type { InstrumentEntity } from './instrument.entity.js';
import { InstrumentModel } from './models/instrument.model.js';

export const toInstrumentModel = (e: InstrumentEntity): InstrumentModel =>
  Object.assign(new InstrumentModel(), {
    id: toGlobalId('Instrument', e.id),
    dbId: e.id,
    technologyDbId: e.technologyId,
    organisationDbId: e.organisationId,
    name: e.name,
    model: e.model,
    accessMode: e.accessMode,
    description: e.description,
  });
