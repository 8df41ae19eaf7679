import { PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PERMISSION_KEY, PUBLIC_KEY, RUNTIME_CAPABILITY_KEY } from './decorators.js';

const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';

export interface OperationRule {
  /** `Query.automations`, `Mutation.registerAutomation`, `HTTP AuthController.signOut`. */
  operation: string;
  rule: { public: true } | { permission: string } | { runtimeCapability: string } | undefined;
}

function ruleOf(isPublic: boolean, permission: string | undefined, runtimeCapability: string | undefined): OperationRule['rule'] {
  if (isPublic) {
    return { public: true };
  }
  if (permission !== undefined) {
    return { permission };
  }
  return runtimeCapability === undefined ? undefined : { runtimeCapability };
}

/** Lists every GraphQL operation and HTTP route in the app with the rule that opens it. */
export function listOperationRules(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector): OperationRule[] {
  const rules: OperationRule[] = [];
  const wrappers = [...discovery.getProviders(), ...discovery.getControllers()];
  for (const wrapper of wrappers) {
    const instance = wrapper.instance as object | undefined;
    if (instance === undefined || instance === null || wrapper.metatype === undefined || wrapper.metatype === null) {
      continue;
    }
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const methodName of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[methodName] as (...args: unknown[]) => unknown;
      const resolverType = reflector.get<string | undefined>(RESOLVER_TYPE_METADATA, handler);
      const isRoute = wrapper.isDependencyTreeStatic() && reflector.get<string | undefined>(PATH_METADATA, handler) !== undefined;
      if (!['Query', 'Mutation', 'Subscription'].includes(resolverType ?? '') && !isRoute) {
        continue;
      }
      const name =
        resolverType === undefined
          ? `HTTP ${wrapper.metatype.name}.${methodName}`
          : `${resolverType}.${reflector.get<string | undefined>(RESOLVER_NAME_METADATA, handler) ?? methodName}`;
      const targets = [handler, wrapper.metatype];
      const isPublic = reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) === true;
      const permission = reflector.getAllAndOverride<string | undefined>(PERMISSION_KEY, targets);
      const runtimeCapability = reflector.getAllAndOverride<string | undefined>(RUNTIME_CAPABILITY_KEY, targets);
      rules.push({ operation: name, rule: ruleOf(isPublic, permission, runtimeCapability) });
    }
  }
  return rules.sort((a, b) => a.operation.localeCompare(b.operation));
}
