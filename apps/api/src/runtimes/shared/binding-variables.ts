import type { RuntimeBinding } from '@roundhouse/contracts';
import type { RuntimeVariables } from '../../config/runtime-variables.js';

/** A refused variable name, as the end of a sentence: it was not read. */
export function notRead(field: 'connection' | 'signingSecret', reason: string): string {
  return `the runtime binding's ${field} names a variable catalogs may not name (${reason}), so it was not read`;
}

/** The URL the binding's connection variable holds, or why there is none (a refused name is not read). */
export function connectionUrl(runtime: RuntimeBinding | null, variables: RuntimeVariables, broker: string): { url: string } | string {
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

/**
 * What a broker kind (its own transport reached through the binding's connection variable) warns
 * about: a refused connection variable on its own route, or a variable not set here, which leaves
 * the messages for the SDK to pull.
 */
export function brokerWarning(route: 'own' | 'sdk', runtime: RuntimeBinding | null, variables: RuntimeVariables, broker: string): string | null {
  if (route === 'own') {
    const connection = variables.lookup(runtime?.connection);
    return connection.state === 'refused' ? `Nothing will be sent: ${notRead('connection', connection.reason)}.` : null;
  }
  return `The runtime runs on ${broker}, but ${runtime?.connection === undefined ? 'its binding names no connection variable' : `the variable ${runtime.connection} is not set here`}, so Roundhouse cannot send the messages back itself: they wait until the runtime pulls them through the SDK.`;
}

/** A duration in words: "9 h", "45 min", "2 d". */
export function durationWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) {
    return `${Math.max(minutes, 0)} min`;
  }
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} d`;
}
