import { claimCommandsRequestV1 } from '@roundhouse/contracts';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors/domain-errors.js';
import { ZodBodyPipe } from './zod-body.pipe.js';

describe(ZodBodyPipe.name, () => {
  const pipe = new ZodBodyPipe(claimCommandsRequestV1);

  it('hands the handler the body as the contract parses it, defaults filled in', () => {
    expect(pipe.transform({ automations: ['invoice-generation'] })).toEqual({ max: 20, automations: ['invoice-generation'] });
    expect(pipe.transform(undefined)).toEqual({ max: 20 });
  });

  it('refuses a body the contract rejects with an InputError naming each field', () => {
    const refusal = (() => {
      try {
        pipe.transform({ max: 5000, extra: true });
      } catch (error) {
        return error;
      }
      return undefined;
    })();

    expect(refusal).toBeInstanceOf(InputError);
    expect((refusal as InputError).message).toBe('The request body is not valid.');
    expect((refusal as InputError).fields.map((field) => field.path).sort()).toEqual(['body', 'max']);
  });
});
