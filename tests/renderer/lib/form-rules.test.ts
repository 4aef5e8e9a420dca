// A form's check before sending: the schema's problems in people's words, the
// form's own checks on top, and its own wording for some fields.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkForm, numberFrom } from '../../../renderer/src/lib/form-rules';

const schema = z.object({
  minutes: z.number().int().min(1).max(240),
  name: z.string().min(1),
});
type Values = { minutes: string; name: string };
const toInput = (v: Values) => ({ minutes: numberFrom(v.minutes), name: v.name });

describe('checkForm', () => {
  it('gives the request when every rule holds', () => {
    expect(checkForm({ schema, toInput }, { minutes: ' 5 ', name: 'x' })).toEqual({
      ok: true,
      value: { minutes: 5, name: 'x' },
    });
  });

  it('says what is wrong with each field in words', () => {
    const problems = (minutes: string) => {
      const r = checkForm({ schema, toInput }, { minutes, name: 'x' });
      return r.ok ? null : r.errors.minutes;
    };
    expect(problems('')).toBe('Required');
    expect(problems('0')).toBe('Must be at least 1');
    expect(problems('241')).toBe('Must be at most 240');
    expect(problems('1.5')).toBe('Enter a whole number');
    expect(problems('five')).toBe('Enter a number');
  });

  it('uses the form’s own message for a field, whatever rule it broke', () => {
    const messages = { minutes: 'Enter a whole number of minutes from 1 to 240' };
    for (const minutes of ['', '0', '1.5']) {
      expect(checkForm({ schema, toInput, messages }, { minutes, name: 'x' })).toEqual({
        ok: false,
        errors: { minutes: messages.minutes },
      });
    }
  });

  it('refuses on the form’s own checks even when the schema is satisfied, and they win', () => {
    const check = (v: Values): Record<string, string> => (v.name === 'x' ? { name: 'Not x' } : {});
    expect(checkForm({ schema, toInput, check }, { minutes: '5', name: 'x' })).toEqual({
      ok: false,
      errors: { name: 'Not x' },
    });
    expect(checkForm({ schema, toInput, check }, { minutes: '', name: '' })).toEqual({
      ok: false,
      errors: { minutes: 'Required', name: 'Required' },
    });
  });
});
