import { toGlobalId } from '../common/graphql/global-id.js';
import type { ApiKeyEntity } from './api-key.entity.js';
import type { ApiKeyModel } from './models/api-key.model.js';

/** The key as the API shows it: never its secret hash; clusters as global ids. */
export const toApiKeyModel = (key: ApiKeyEntity): ApiKeyModel => ({
  id: key.id,
  name: key.name,
  role: key.role,
  hint: key.hint,
  clusterIds: key.clusterIds.map((id) => toGlobalId('Cluster', id)),
  allowedOrigins: key.allowedOrigins,
  createdAt: key.createdAt,
  lastUsedAt: key.lastUsedAt,
  revokedAt: key.revokedAt,
});
