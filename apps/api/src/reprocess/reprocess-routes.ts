import type { RuntimeBinding } from '@roundhouse/contracts';
import type { RuntimeVariables } from '../config/runtime-variables.js';
import { withoutCredentials } from '../dispatchers/broker-url.js';
import type { DispatchTarget } from '../dispatchers/dispatcher.js';
import type { ReprocessAction, Route } from './reprocess.types.js';

/** A refused variable name, as the end of a sentence: it was not read. */
function notRead(field: 'connection' | 'signingSecret', reason: string): string {
  return `the runtime binding's ${field} names a variable catalogs may not name (${reason}), so it was not read`;
}

/**
 * How a dead letter goes back to its runtime: to the broker or queue it came from when this api
 * can reach it (the binding's connection variable is set here), to the runtime's reprocess
 * webhook, or else as a command the runtime's SDK pulls. Discards go nowhere.
 */
export function routeFor(action: ReprocessAction, runtime: RuntimeBinding | null, sourceKind: string, variables: RuntimeVariables): Route {
  if (action === 'discard') {
    return 'discard';
  }
  // A connection variable the binding may not name keeps its broker route, which then fails saying why: never a silent detour.
  const reachable = variables.lookup(runtime?.connection).state !== 'unset';
  if (runtime?.kind === 'rabbitmq' && sourceKind === 'rabbitmq' && reachable) {
    return 'rabbitmq';
  }
  if (runtime?.kind === 'bullmq' && sourceKind === 'bullmq' && runtime.queue !== undefined && reachable) {
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
      return `POSTed, signed, to ${runtime?.reprocessUrl === undefined ? 'the reprocess webhook' : withoutCredentials(runtime.reprocessUrl)}`;
    case 'sdk':
      return 'picked up by the runtime through the Roundhouse SDK';
    case 'discard':
      return 'set aside as discarded; nothing is sent';
  }
}

/** What will stop a route from delivering, if anything (checked again at dispatch). */
export function routeWarning(route: Route, runtime: RuntimeBinding | null, variables: RuntimeVariables): string | null {
  const connection = variables.lookup(runtime?.connection);
  if ((route === 'rabbitmq' || route === 'bullmq') && connection.state === 'refused') {
    return `Nothing will be sent: ${notRead('connection', connection.reason)}.`;
  }
  if (route === 'sdk' && (runtime?.kind === 'rabbitmq' || runtime?.kind === 'bullmq')) {
    const broker = runtime.kind === 'rabbitmq' ? 'RabbitMQ' : 'BullMQ';
    return `The runtime runs on ${broker}, but ${runtime.connection === undefined ? 'its binding names no connection variable' : `the variable ${runtime.connection} is not set here`}, so Roundhouse cannot send the messages back itself: they wait until the runtime pulls them through the SDK.`;
  }
  const secret = variables.lookup(runtime?.signingSecret);
  if (route === 'webhook' && secret.state === 'refused') {
    return `Nothing will be sent: ${notRead('signingSecret', secret.reason)}.`;
  }
  if (route === 'webhook' && secret.state === 'unset') {
    return runtime?.signingSecret === undefined
      ? 'The runtime binding names no signingSecret variable, so webhooks cannot be signed; they will fail.'
      : `The environment variable ${runtime.signingSecret} is not set here, so webhooks cannot be signed; they will fail.`;
  }
  return null;
}

/** The broker URL the binding's connection variable holds, or why there is none (a refused name is not read). */
function brokerUrl(runtime: RuntimeBinding | null, variables: RuntimeVariables, broker: string): { url: string } | string {
  const url = variables.lookup(runtime?.connection);
  switch (url.state) {
    case 'refused':
      return notRead('connection', url.reason);
    case 'unset':
      return `the environment variable ${runtime?.connection ?? '(none named)'} holding the ${broker} URL is not set`;
    case 'set':
      return { url: url.value };
  }
}

/** The transport target of a route, or why there is none. A variable the binding may not name is never read. */
export function targetFor(route: Exclude<Route, 'sdk' | 'discard'>, runtime: RuntimeBinding | null, variables: RuntimeVariables): DispatchTarget | string {
  switch (route) {
    case 'rabbitmq': {
      const broker = brokerUrl(runtime, variables, 'RabbitMQ');
      return typeof broker === 'string'
        ? broker
        : { kind: 'rabbitmq', url: broker.url, ...(runtime?.exchange === undefined ? {} : { exchange: runtime.exchange }), ...(runtime?.routingKey === undefined ? {} : { routingKey: runtime.routingKey }) };
    }
    case 'bullmq': {
      const broker = brokerUrl(runtime, variables, 'Redis');
      if (typeof broker === 'string') {
        return broker;
      }
      return runtime?.queue === undefined ? 'the runtime binding names no BullMQ queue' : { kind: 'bullmq', url: broker.url, queue: runtime.queue };
    }
    case 'webhook': {
      if (runtime?.reprocessUrl === undefined) {
        return 'the runtime binding has no reprocessUrl';
      }
      const secret = variables.lookup(runtime.signingSecret);
      if (secret.state === 'refused') {
        return `cannot sign: ${notRead('signingSecret', secret.reason)}`;
      }
      return secret.state === 'unset' ? `cannot sign: the environment variable ${runtime.signingSecret ?? '(signingSecret)'} is not set` : { kind: 'webhook', url: runtime.reprocessUrl, secret: secret.value };
    }
  }
}
