// Sealed pagination tokens, shared by every listing of the mock: `<body>.<mac>`, the body a cursor in
// unpadded base64url and the MAC an HMAC of it under a per-mock secret, so a token is opaque, cannot be
// forged or edited, and is bound to the filters it was issued for.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { MockError } from './store.ts';

const TOKEN = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;

export class TokenSealer {
  private readonly secret = randomBytes(32);

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  /** A cursor as a token; the cursor's `f` names the filters it is bound to. */
  seal<C extends { f: string }>(c: C): string {
    const body = Buffer.from(JSON.stringify(c)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** Sealed for real: the token must be exactly `<body>.<mac>` in canonical base64url, and the MAC as
   * text — 43 characters, so no low bits left over — must equal the one computed, compared in constant
   * time. Any character changed, added or removed fails; so does a token issued for other filters. */
  open<C extends { f: string }>(token: string, f: string, member = 'NextToken'): C {
    if (token === '')
      throw new MockError('InvalidParameterValueException', `${member} must not be empty`, member);
    const m = TOKEN.exec(token);
    const got = Buffer.from(m?.[2] ?? '');
    const want = Buffer.from(m ? this.mac(m[1]!) : '');
    if (!m || got.length !== want.length || !timingSafeEqual(got, want)) {
      throw new MockError(
        'InvalidParameterValueException',
        `${member} is not a token this service issued`,
        member,
      );
    }
    const c = JSON.parse(Buffer.from(m[1]!, 'base64url').toString()) as C;
    if (c.f !== f)
      throw new MockError(
        'InvalidParameterValueException',
        `${member} was issued for different filters`,
        member,
      );
    return c;
  }
}
