import { registerEnumType } from '@nestjs/graphql';
import { conflict } from '../common/errors/domain-error.js';

export enum InquiryStatus {
  NEW = 'NEW',
  TRIAGED = 'TRIAGED',
  MATCHED = 'MATCHED',
  INTRODUCED = 'INTRODUCED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
}

registerEnumType(InquiryStatus, {
  name: 'InquiryStatus',
  description:
    'NEW → TRIAGED → MATCHED → INTRODUCED → CLOSED; REJECTED from NEW, TRIAGED or MATCHED. CLOSED and REJECTED are final.',
});

/** The one definition of the workflow: where each status may go next. */
export const NEXT: Record<InquiryStatus, readonly InquiryStatus[]> = {
  [InquiryStatus.NEW]: [InquiryStatus.TRIAGED, InquiryStatus.REJECTED],
  [InquiryStatus.TRIAGED]: [InquiryStatus.MATCHED, InquiryStatus.REJECTED],
  [InquiryStatus.MATCHED]: [InquiryStatus.INTRODUCED, InquiryStatus.REJECTED],
  [InquiryStatus.INTRODUCED]: [InquiryStatus.CLOSED],
  [InquiryStatus.CLOSED]: [],
  [InquiryStatus.REJECTED]: [],
};

/** Throws CONFLICT naming both ends and the allowed moves, e.g. for NEW → INTRODUCED. */
export function assertTransition(from: InquiryStatus, to: InquiryStatus): void {
  const allowed = NEXT[from];
  if (allowed.includes(to)) return;
  const options = allowed.length ? `allowed: ${allowed.join(', ')}` : `${from} is final`;
  throw conflict('to', `cannot go from ${from} to ${to}; ${options}`);
}
