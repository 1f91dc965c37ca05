import { ClientNats, NatsOptions, ServerNats } from '@nestjs/microservices';

type Options = Required<NatsOptions>['options'];

/**
 * Request/reply subjects with an optional prefix (`JCM_RPC_PREFIX`), applied identically by servers and clients.
 * Production uses none; each integration-test file and the e2e stack use their own, so two runs sharing one NATS
 * server never answer each other's requests.
 */
function prefixed(prefix: string, route: string): string {
  return prefix && !route.startsWith(prefix) ? `${prefix}${route}` : route;
}

export class PrefixedServerNats extends ServerNats {
  constructor(
    options: Options,
    private readonly prefix: string,
  ) {
    super(options);
  }

  override normalizePattern(pattern: Parameters<ServerNats['normalizePattern']>[0]): string {
    return prefixed(this.prefix, super.normalizePattern(pattern));
  }
}

export class PrefixedClientNats extends ClientNats {
  constructor(
    options: Options,
    private readonly prefix: string,
  ) {
    super(options);
  }

  protected override normalizePattern(pattern: Parameters<ClientNats['normalizePattern']>[0]): string {
    return prefixed(this.prefix, super.normalizePattern(pattern));
  }
}
