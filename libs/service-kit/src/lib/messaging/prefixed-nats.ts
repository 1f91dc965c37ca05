import { ClientNats, NatsOptions, ServerNats } from '@nestjs/microservices';
import { NatsRequestJSONDeserializer } from '@nestjs/microservices/deserializers';
import { ContextSigner, ContextVerifier } from '../security/context-signature';

type Options = Required<NatsOptions>['options'];

/**
 * Request/reply subjects with an optional prefix (`JCM_RPC_PREFIX`), applied identically by servers and clients.
 * Production uses none; each integration-test file and the e2e stack use their own, so two runs sharing one NATS
 * server never answer each other's requests.
 */
function prefixed(prefix: string, route: string): string {
  return prefix && !route.startsWith(prefix) ? `${prefix}${route}` : route;
}

/** What the transport knows about a request and the handler does not: the subject it came on, and who verifies. */
export interface RpcTransportMeta {
  /** Subject without the test prefix (what the gateway signed). */
  subject: string;
  verifier: ContextVerifier;
}

const RPC_META = Symbol.for('jcm.rpc.meta');

/** Attaches the meta to a request payload, invisibly (not enumerable, not serialised). */
export function attachRpcMeta<T>(payload: T, meta: RpcTransportMeta): T {
  if (payload && typeof payload === 'object')
    Object.defineProperty(payload, RPC_META, { value: meta, enumerable: false });
  return payload;
}

export function rpcMetaOf(payload: unknown): RpcTransportMeta | undefined {
  return payload && typeof payload === 'object'
    ? (payload as { [RPC_META]?: RpcTransportMeta })[RPC_META]
    : undefined;
}

/** Deserialises as Nest does, then tells `handleRpc` which subject the request arrived on. */
class SubjectAwareDeserializer extends NatsRequestJSONDeserializer {
  constructor(
    private readonly prefix: string,
    private readonly verifier: ContextVerifier,
  ) {
    super();
  }

  override deserialize(value: Uint8Array, options?: Record<string, unknown>) {
    const packet = super.deserialize(value, options);
    const channel = String(options?.['channel'] ?? '');
    const subject =
      this.prefix && channel.startsWith(this.prefix) ? channel.slice(this.prefix.length) : channel;
    attachRpcMeta(packet.data, { subject, verifier: this.verifier });
    return packet;
  }
}

export class PrefixedServerNats extends ServerNats {
  constructor(
    options: Options,
    private readonly prefix: string,
    verifier: ContextVerifier,
  ) {
    super({ ...options, deserializer: new SubjectAwareDeserializer(prefix, verifier) });
  }

  override normalizePattern(pattern: Parameters<ServerNats['normalizePattern']>[0]): string {
    return prefixed(this.prefix, super.normalizePattern(pattern));
  }
}

export class PrefixedClientNats extends ClientNats {
  constructor(
    options: Options,
    private readonly prefix: string,
    /** Signs each request's caller context (the gateway; tests acting as the gateway). */
    readonly contextSigner: ContextSigner | null = null,
  ) {
    super(options);
  }

  protected override normalizePattern(pattern: Parameters<ClientNats['normalizePattern']>[0]): string {
    return prefixed(this.prefix, super.normalizePattern(pattern));
  }
}
