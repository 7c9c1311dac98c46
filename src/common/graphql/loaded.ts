/** A required relation whose row is gone can only mean a concurrent delete: say so. */
export async function loaded<T>(row: Promise<T | null>): Promise<T> {
  const value = await row;
  if (value === null) throw new Error('referenced row vanished during the request');
  return value;
}
