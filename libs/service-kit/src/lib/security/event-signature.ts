import { sign, verify, KeyObject } from 'crypto';
import { headers as natsHeaders, MsgHdrs } from 'nats';
import { logSecurityEvent } from './context-signature';
import { sha256 } from './signing-keys';

export const PRODUCER_HEADER = 'Jcm-Producer';
export const SIGNATURE_HEADER = 'Jcm-Signature';

function signedText(producer: string, subject: string, eventId: string, body: Uint8Array): Buffer {
  return Buffer.from(`jcm-event-v1\n${producer}\n${subject}\n${eventId}\n${sha256(body)}`);
}

/**
 * Signs each relayed event with the producing service's key, in the message headers (the outbox row stays as it
 * is): a consumer knows which service wrote an event from the signature, not from what the event says.
 */
export class EventSigner {
  constructor(
    private readonly producer: string,
    private readonly privateKey: KeyObject,
  ) {}

  headers(subject: string, eventId: string, body: Uint8Array): MsgHdrs {
    const h = natsHeaders();
    h.set(PRODUCER_HEADER, this.producer);
    h.set(
      SIGNATURE_HEADER,
      sign(null, signedText(this.producer, subject, eventId, body), this.privateKey).toString('base64url'),
    );
    return h;
  }
}

/** Why an event was refused: `retry` when this process lacks the key (fixable config), else the event is forged. */
export class EventRefused extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
    this.name = 'EventRefused';
  }
}

/** The consumer's side: the event must be signed by the service the subscription expects (`source`). */
export class EventVerifier {
  constructor(private readonly trusted: Map<string, KeyObject>) {}

  check(
    source: string,
    msg: { subject: string; data: Uint8Array; headers?: MsgHdrs },
    eventId: string,
  ): void {
    const key = this.trusted.get(source);
    if (!key) throw new EventRefused(`no trusted key for ${source} (JCM_TRUSTED_KEYS)`, true);
    const producer = msg.headers?.get(PRODUCER_HEADER);
    const signature = msg.headers?.get(SIGNATURE_HEADER);
    const refuse = (reason: string): never => {
      logSecurityEvent('event.refused', {
        reason,
        subject: msg.subject,
        eventId,
        producer,
        expected: source,
      });
      throw new EventRefused(`event ${eventId} refused: ${reason}`, false);
    };
    if (!producer || !signature) return refuse('unsigned event');
    if (producer !== source) return refuse(`produced by ${producer}`);
    if (
      !verify(
        null,
        signedText(producer, msg.subject, eventId, msg.data),
        key,
        Buffer.from(signature, 'base64url'),
      )
    ) {
      return refuse('bad signature');
    }
  }
}
