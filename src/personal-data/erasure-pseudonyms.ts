import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { localSecret } from '../common/files/private-files.js';
import type { NodeType } from '../common/graphql/global-id.js';
import { Environment } from '../config/environment.js';

/**
 * The pseudonym that replaces an erased person's id in the audit trail: an HMAC of the id under
 * a secret of this installation (`ERASURE_SECRET`, else a key generated once under `DATA_DIR`,
 * readable by the owner only). Without the secret it cannot be recomputed from the old id; with
 * it, an operator can still answer "was this id erased, and what did the trail record?".
 */
@Injectable()
export class ErasurePseudonyms implements OnModuleInit {
  private secret?: string;

  constructor(private readonly env: Environment) {}

  /** At start, so that an unwritable `DATA_DIR` stops the start rather than the first erasure. */
  onModuleInit(): void {
    this.secret = this.env.ERASURE_SECRET ?? localSecret(join(this.env.DATA_DIR, 'erasure-secret'));
  }

  of(type: NodeType | 'Person', id: string): string {
    if (!this.secret) throw new Error('erasure pseudonyms are not initialised');
    const mac = createHmac('sha256', this.secret).update(`${type}:${id}`).digest('hex');
    return `erased:${mac.slice(0, 32)}`;
  }
}
