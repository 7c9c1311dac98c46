/** A refusal in the engine's own error shape, so the meilisearch client reports its message. */
export class ProxyRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const refuse = (status: number, code: string, message: string): never => {
  throw new ProxyRefusal(status, code, message);
};

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
