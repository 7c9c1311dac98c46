/** An index's uid: its name behind the deployment's prefix, so several can share one server. */
export const indexUid = (prefix: string, name: string): string => `${prefix}${name}`;
