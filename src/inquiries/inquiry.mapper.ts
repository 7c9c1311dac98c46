import { toGlobalId } from '../common/graphql/global-id.js';
import type { InquiryTransitionEntity } from './inquiry-transition.entity.js';
import type { InquiryEntity } from './inquiry.entity.js';
import { InquiryHistoryEntry, InquiryModel, SubmittedInquiry } from './models/inquiry.model.js';

export const toSubmittedInquiry = (e: InquiryEntity): SubmittedInquiry =>
  Object.assign(new SubmittedInquiry(), {
    reference: e.reference,
    status: e.status,
    submittedAt: e.createdAt,
  });

export const toInquiryModel = (e: InquiryEntity): InquiryModel =>
  Object.assign(new InquiryModel(), {
    id: e.id,
    dbId: e.id,
    reference: e.reference,
    status: e.status,
    requesterName: e.requesterName,
    organisation: e.organisation,
    email: e.email,
    country: e.country,
    description: e.description,
    technologyIds: e.technologyIds.map((id) => toGlobalId('Technology', id)),
    materialId: e.materialId && toGlobalId('Material', e.materialId),
    sectorId: e.sectorId && toGlobalId('Sector', e.sectorId),
    deadline: e.deadline,
    latitude: e.latitude,
    longitude: e.longitude,
    radiusKm: e.radiusKm,
    consentAt: e.consentAt,
    assignee: e.assignee,
    createdAt: e.createdAt,
  });

export const toHistoryEntry = (t: InquiryTransitionEntity): InquiryHistoryEntry =>
  Object.assign(new InquiryHistoryEntry(), {
    kind: t.kind,
    from: t.fromStatus,
    to: t.toStatus,
    note: t.note,
    at: t.at,
    byKeyId: t.byKeyId,
  });
