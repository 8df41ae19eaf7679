import type { RuntimeBinding } from '@roundhouse/contracts';
import type { DispatchTarget } from '../dispatchers/dispatcher.js';
import type { ReprocessAction, Route } from './reprocess.types.js';

type Env = Readonly<Record<string, string | undefined>>;

function variable(env: Env, name: string | undefined): string | undefined {
  const value = name === undefined ? undefined : env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * How a dead letter goes back to its runtime: to the broker or queue it came from when this api
 * can reach it (the binding's connection variable is set here), to the runtime's reprocess
 * webhook, or else as a command the runtime's SDK pulls. Discards go nowhere.
 */
export function routeFor(action: ReprocessAction, runtime: RuntimeBinding | null, sourceKind: string, env: Env): Route {
  if (action === 'discard') {
    return 'discard';
  }
  if (runtime?.kind === 'rabbitmq' && sourceKind === 'rabbitmq' && variable(env, runtime.connection) !== undefined) {
    return 'rabbitmq';
  }
  if (runtime?.kind === 'bullmq' && sourceKind === 'bullmq' && runtime.queue !== undefined && variable(env, runtime.connection) !== undefined) {
    return 'bullmq';
  }
  if (runtime?.kind === 'webhook' && runtime.reprocessUrl !== undefined) {
    return 'webhook';
  }
  return 'sdk';
}

/** Where a route delivers to, in words for the person confirming (never a secret). */
export function describeRoute(route: Route, runtime: RuntimeBinding | null): string {
  switch (route) {
    case 'rabbitmq':
      return `republished to RabbitMQ (the original exchange and routing key${runtime?.exchange === undefined ? '' : `, e.g. "${runtime.exchange}"`})`;
    case 'bullmq':
      return `retried in BullMQ queue "${runtime?.queue ?? '?'}"`;
    case 'webhook':
      return `POSTed, signed, to ${runtime?.reprocessUrl ?? 'the reprocess webhook'}`;
    case 'sdk':
      return 'picked up by the runtime through the Roundhouse SDK';
    case 'discard':
      return 'set aside as discarded; nothing is sent';
  }
}

/** What will stop a route from delivering, if anything (checked again at dispatch). */
export function routeWarning(route: Route, runtime: RuntimeBinding | null, env: Env): string | null {
  if (route === 'sdk' && (runtime?.kind === 'rabbitmq' || runtime?.kind === 'bullmq')) {
    const broker = runtime.kind === 'rabbitmq' ? 'RabbitMQ' : 'BullMQ';
    return `The runtime runs on ${broker}, but ${runtime.connection === undefined ? 'its binding names no connection variable' : `the variable ${runtime.connection} is not set here`}, so Roundhouse cannot send the messages back itself: they wait until the runtime pulls them through the SDK.`;
  }
  if (route === 'webhook' && variable(env, runtime?.signingSecret) === undefined) {
    return runtime?.signingSecret === undefined
      ? 'The runtime binding names no signingSecret variable, so webhooks cannot be signed; they will fail.'
      : `The environment variable ${runtime.signingSecret} is not set here, so webhooks cannot be signed; they will fail.`;
  }
  return null;
}

/** The transport target of a route, or why there is none. */
export function targetFor(route: Exclude<Route, 'sdk' | 'discard'>, runtime: RuntimeBinding | null, env: Env): DispatchTarget | string {
  switch (route) {
    case 'rabbitmq': {
      const url = variable(env, runtime?.connection);
      return url === undefined
        ? `the environment variable ${runtime?.connection ?? '(none named)'} holding the RabbitMQ URL is not set`
        : { kind: 'rabbitmq', url, ...(runtime?.exchange === undefined ? {} : { exchange: runtime.exchange }), ...(runtime?.routingKey === undefined ? {} : { routingKey: runtime.routingKey }) };
    }
    case 'bullmq': {
      const url = variable(env, runtime?.connection);
      return url === undefined || runtime?.queue === undefined
        ? `the environment variable ${runtime?.connection ?? '(none named)'} holding the Redis URL is not set`
        : { kind: 'bullmq', url, queue: runtime.queue };
    }
    case 'webhook': {
      const secret = variable(env, runtime?.signingSecret);
      if (runtime?.reprocessUrl === undefined) {
        return 'the runtime binding has no reprocessUrl';
      }
      return secret === undefined ? `cannot sign: the environment variable ${runtime.signingSecret ?? '(signingSecret)'} is not set` : { kind: 'webhook', url: runtime.reprocessUrl, secret };
    }
  }
}
