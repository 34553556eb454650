import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DETAIL_ERROR_CODES, isValidEmail, validateDetails } from '../../src/index.js';
// Public in 0.1; the 0.2 main entry no longer exports them (and the CHANGELOG does not say so).
import { LIMITS } from '../../src/core/limits.js';

const MAX_EMAIL_LENGTH = LIMITS.emailLength;
const MAX_NAME_LENGTH = LIMITS.detailsNameLength;
import emailVectors from './vectors/emails.json' with { type: 'json' };

describe('isValidEmail vectors', () => {
  it.each(emailVectors.cases)('$name', ({ email, valid }) => {
    expect(isValidEmail(email)).toBe(valid);
  });

  it(`rejects addresses longer than ${MAX_EMAIL_LENGTH} characters`, () => {
    const label = 'a'.repeat(60);
    const long = `ada@${[label, label, label, label].join('.')}.com`; // 4 + 4*60 + 3 + 4 = 251
    expect(long.length).toBe(251);
    expect(isValidEmail(long)).toBe(true);
    expect(isValidEmail(`abcd${long}`)).toBe(false);
  });

  it('takes linear time on a hostile 100 000-character input', () => {
    const hostile = `${'a.'.repeat(50_000)}@`;
    expect(isValidEmail(hostile)).toBe(false);
    expect(isValidEmail(`a@${'b.'.repeat(50_000)}c`)).toBe(false);
  });

  test.prop([fc.string({ maxLength: 80 })], { numRuns: 300 })('never throws and agrees with its documented rules', (text) => {
    const valid = isValidEmail(text);
    if (valid) {
      const [local, domain, extra] = text.split('@');
      expect(extra).toBeUndefined();
      expect(local?.length).toBeGreaterThan(0);
      expect(domain?.split('.').length).toBeGreaterThanOrEqual(2);
      expect(/\s/.test(text)).toBe(false);
    }
  });
});

describe('validateDetails', () => {
  it('trims and accepts the asked-for fields and drops the others', () => {
    expect(validateDetails(['email'], { name: 'Ada', email: '  ada@example.com ' })).toEqual({
      ok: true,
      details: { email: 'ada@example.com' },
    });
  });

  it('requires every captured field and rejects blank ones', () => {
    const result = validateDetails(['name', 'email'], { name: ' \t ' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors).toEqual({
      name: { code: 'required', message: 'name is required' },
      email: { code: 'required', message: 'email is required' },
    });
  });

  it('reports an email that is not one', () => {
    const result = validateDetails(['email'], { email: 'ada@localhost' });
    expect(!result.ok && result.fieldErrors.email?.code).toBe('invalidEmail');
  });

  it(`rejects a name longer than ${MAX_NAME_LENGTH} characters and accepts one of exactly that length`, () => {
    expect(validateDetails(['name'], { name: 'a'.repeat(MAX_NAME_LENGTH) }).ok).toBe(true);
    const result = validateDetails(['name'], { name: 'a'.repeat(MAX_NAME_LENGTH + 1) });
    expect(!result.ok && result.fieldErrors.name?.code).toBe('tooLong');
  });

  it('uses only the codes of DETAIL_ERROR_CODES', () => {
    expect([...DETAIL_ERROR_CODES]).toEqual(['required', 'invalidEmail', 'tooLong']);
  });

  it('never throws on junk; details that cannot be read are blank', () => {
    expect(() => validateDetails(null as never, { name: 'Ada' })).not.toThrow();
    expect(validateDetails(['name'], null as never)).toMatchObject({ ok: false, fieldErrors: { name: { code: 'required' } } });
    expect(isValidEmail(42 as never)).toBe(false);
  });

  it('accepts anything when nothing is captured', () => {
    expect(validateDetails([], { email: 'nope' })).toEqual({ ok: true, details: {} });
  });
});
