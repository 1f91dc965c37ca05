import { EventRefused, EventSigner, EventVerifier, PRODUCER_HEADER } from './event-signature';
import {
  generateSigningKeyPair,
  importPrivateKey,
  parseTrustedKeys,
  formatTrustedKeys,
} from './signing-keys';

const partnership = generateSigningKeyPair();
const grants = generateSigningKeyPair();
const trusted = parseTrustedKeys(
  formatTrustedKeys({ partnership: partnership.publicKey, grants: grants.publicKey }),
);
const body = new TextEncoder().encode('{"eventId":"e-1","type":"partnership.partnership.created"}');
const subject = 'evt.partnership.partnership.created';

function refusal(fn: () => void): EventRefused | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e as EventRefused;
  }
}

describe('EventSigner / EventVerifier', () => {
  const verifier = new EventVerifier(trusted);
  const signed = new EventSigner('partnership', importPrivateKey(partnership.privateKey));

  it('accepts an event signed by the service the subscription expects', () => {
    expect(
      refusal(() =>
        verifier.check(
          'partnership',
          { subject, data: body, headers: signed.headers(subject, 'e-1', body) },
          'e-1',
        ),
      ),
    ).toBeNull();
  });

  it('refuses for good an unsigned event, another service’s event, and a changed body', () => {
    expect(refusal(() => verifier.check('partnership', { subject, data: body }, 'e-1'))).toMatchObject({
      retry: false,
    });
    const byGrants = new EventSigner('grants', importPrivateKey(grants.privateKey));
    expect(
      refusal(() =>
        verifier.check(
          'partnership',
          { subject, data: body, headers: byGrants.headers(subject, 'e-1', body) },
          'e-1',
        ),
      ),
    ).toMatchObject({ retry: false });
    // grants' key, claiming to be partnership:
    const impostor = new EventSigner('partnership', importPrivateKey(grants.privateKey));
    expect(
      refusal(() =>
        verifier.check(
          'partnership',
          { subject, data: body, headers: impostor.headers(subject, 'e-1', body) },
          'e-1',
        ),
      ),
    ).toMatchObject({ retry: false });
    const headers = signed.headers(subject, 'e-1', body);
    expect(
      refusal(() =>
        verifier.check('partnership', { subject, data: new TextEncoder().encode('{}'), headers }, 'e-1'),
      ),
    ).toMatchObject({ retry: false });
    expect(
      refusal(() => verifier.check('partnership', { subject, data: body, headers }, 'e-2')),
    ).toMatchObject({ retry: false });
    expect(headers.get(PRODUCER_HEADER)).toBe('partnership');
  });

  it('keeps (retries) an event it cannot check because this process lacks the producer’s key', () => {
    const headers = signed.headers(subject, 'e-1', body);
    expect(
      refusal(() =>
        new EventVerifier(new Map()).check('partnership', { subject, data: body, headers }, 'e-1'),
      ),
    ).toMatchObject({ retry: true });
  });
});
