import {
  natsConnectionOptions,
  RECONNECT_CAP_MS,
  RECONNECT_JITTER_MS,
  reconnectBackoff,
} from './nats-options';

describe('natsConnectionOptions', () => {
  it('never gives up reconnecting and waits for a server that is down at start (issue #14 #1)', () => {
    const opts = natsConnectionOptions({ natsUrl: 'nats://a:4222, nats://b:4222' }, 'grants-service-rpc');
    expect(opts.maxReconnectAttempts).toBe(-1);
    expect(opts.waitOnFirstConnect).toBe(true);
    expect(opts.servers).toEqual(['nats://a:4222', 'nats://b:4222']);
    expect(opts.name).toBe('grants-service-rpc');
    expect(typeof opts.reconnectDelayHandler).toBe('function');
  });
});

describe('reconnectBackoff', () => {
  it('doubles from 250 ms up to the cap, plus jitter below 500 ms', () => {
    let t = 0;
    const delay = reconnectBackoff(
      () => 0,
      () => (t += 100),
    );
    expect([delay(), delay(), delay(), delay(), delay(), delay()]).toEqual([
      250, 500, 1000, 2000, 2000, 2000,
    ]);
    const jittered = reconnectBackoff(
      () => 0.999,
      () => (t += 100),
    );
    expect(jittered()).toBe(250 + RECONNECT_JITTER_MS - 1);
  });

  it('starts a new series after a quiet spell longer than the cap (a new outage)', () => {
    let t = 0;
    const delay = reconnectBackoff(
      () => 0,
      () => t,
    );
    t += 100;
    delay();
    t += 100;
    expect(delay()).toBe(500);
    t += RECONNECT_CAP_MS * 5;
    expect(delay()).toBe(250);
  });
});
