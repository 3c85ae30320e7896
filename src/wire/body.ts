// A message body as bytes, whatever form an HTTP handler holds it in (nothing, a string, bytes, a stream
// of chunks), read at most up to a limit; and bytes as text without copying them.
export async function readBody(body: unknown, limit = Infinity): Promise<Uint8Array | undefined> {
  if (body == null) return new Uint8Array();
  if (typeof body === 'string') return fits(Buffer.from(body), limit);
  if (body instanceof Uint8Array) return fits(body, limit);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of body as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof c === 'string' ? Buffer.from(c) : view(c));
    if ((total += chunks.at(-1)!.byteLength) > limit) return undefined;
  }
  return Buffer.concat(chunks);
}

/** A Buffer over the same memory: never Buffer.from(bytes), which calls valueOf() — the SDK's JSON
 * request body adapter answers that with a string, and warns. */
export const view = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

export const utf8 = (b: Uint8Array): string => view(b).toString('utf8');

const fits = (b: Uint8Array, limit: number) => (b.byteLength > limit ? undefined : b);
