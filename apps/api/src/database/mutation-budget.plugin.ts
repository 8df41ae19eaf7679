import type { ApolloServerPlugin } from '@apollo/server';
import { OperationTypeNode } from 'graphql';
import { renewDatabaseBudget } from './request-budget.js';

/**
 * A mutation gets `ms` of database time from the moment it is resolved, instead of a request's
 * budget: it may snapshot a large selection in one statement (a reprocess of 100,000 dead letters).
 */
export function mutationBudgetPlugin(ms: number): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation }) {
          if (operation?.operation === OperationTypeNode.MUTATION) {
            renewDatabaseBudget(ms);
          }
          return Promise.resolve();
        },
      });
    },
  };
}
