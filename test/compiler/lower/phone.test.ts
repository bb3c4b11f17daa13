import { isValidPhoneNumber } from 'libphonenumber-js';
import metadata from 'libphonenumber-js/min/metadata';
import examples from 'libphonenumber-js/mobile/examples';
import { describe, expect, it } from 'vitest';
import {
  checkDestination,
  checkPhone,
  isValidInternational,
} from '../../../src/compiler/lower/phone.ts';
import {
  createValidator,
  E164,
  INVALID,
  judge,
  NOT_E164,
} from '../../../src/compiler/lower/phone-memo.ts';

const usage = '(write it with the country code, like 380441111111)';

describe('isValidInternational', () => {
  it.each([
    '380441111111',
    '380441111112',
    '380441112233',
    '380501234567',
    '380671234567',
    '77012345678',
    '77172123456',
    '77272501234',
    '77471234567',
    '74951234567',
    '12025550123',
    '442079460958',
    '4915123456789',
  ])('accepts %s', (digits) => {
    expect(isValidInternational(digits)).toBe(true);
  });

  it.each([
    ['0441111111', 'no country code'],
    ['38044111111', 'one digit short'],
    ['3804411111111', 'one digit too many'],
    ['380141111111', 'no Ukrainian number starts with 1'],
    ['7701234567', 'a Kazakh number one digit short'],
    ['999123456789', 'calling code 999 is not assigned'],
    ['123', 'too short for anything'],
    ['', 'empty'],
    ['+380441111111', 'not digits only'],
    ['38044 111 11 11', 'not digits only'],
  ])('refuses %j (%s)', (digits) => {
    expect(isValidInternational(digits)).toBe(false);
  });
});

describe('checkDestination', () => {
  it.each([
    ['380441111111', '380441111111'],
    ['+38 (044) 111-11-11', '380441111111'],
    ['  380501234567 ', '380501234567'],
    ['sip/ads@pbx.example.com', 'sip/ads@pbx.example.com'],
    ['sip:ads@pbx.example.com', 'sip:ads@pbx.example.com'],
    ['sip/100@10.0.0.1:5060', 'sip/100@10.0.0.1:5060'],
    [' sip/ads@pbx-1.example.com ', 'sip/ads@pbx-1.example.com'],
  ])('accepts %j as %j', (raw, value) => {
    expect(checkDestination(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['0441111111', `"0441111111" is not a valid international phone number ${usage}`],
    ['+38 044 111', `"+38 044 111" is not a valid international phone number ${usage}`],
    [
      '3800441111111',
      '"3800441111111" has a national prefix after the country code (write it as 380441111111)',
    ],
    [
      '+380 (044) 111-11-11',
      '"+380 (044) 111-11-11" has a national prefix after the country code (write it as 380441111111)',
    ],
    ['sip/ads', sipMessage('sip/ads')],
    ['sip/@pbx.example.com', sipMessage('sip/@pbx.example.com')],
    ['sip/ads@', sipMessage('sip/ads@')],
    ['sip/a ds@pbx', sipMessage('sip/a ds@pbx')],
    ['sip/ads@pbx,example', sipMessage('sip/ads@pbx,example')],
    ['sip/ads@pbx_example.com', sipMessage('sip/ads@pbx_example.com')],
    ['SIP/ads@pbx.example.com', sipMessage('SIP/ads@pbx.example.com')],
    [
      'manager',
      '"manager" is neither a phone number nor a SIP destination (expected an international number like 380441111111, or sip/user@host)',
    ],
    ['  ', 'empty destination'],
  ])('refuses %j', (raw, message) => {
    expect(checkDestination(raw)).toEqual({ ok: false, message });
  });
});

describe('checkPhone', () => {
  it('refuses a SIP string, which is no caller number', () => {
    expect(checkPhone('sip/ads@pbx')).toEqual({
      ok: false,
      message: `"sip/ads@pbx" is not a valid international phone number ${usage}`,
    });
  });
});

describe('the memoised validator', () => {
  it('agrees with uncached libphonenumber on 10,000 seeded random numbers', () => {
    const numbers = randomNumbers(20260101, 10_000);
    const validate = createValidator();
    const memoised = numbers.map(validate);
    expect(memoised).toEqual(numbers.map(judge));
    expect(memoised.map((v) => v !== INVALID)).toEqual(
      numbers.map((d) => isValidPhoneNumber(`+${d}`)),
    );
    // The sample must exercise every verdict, or agreement proves little.
    const counts = [INVALID, E164, NOT_E164].map((v) => memoised.filter((m) => m === v).length);
    expect(counts.every((c) => c >= 20)).toBe(true);
  });

  it('answers numbers sharing a decisive prefix from the memo, still exactly', () => {
    const validate = createValidator();
    expect(validate('380441111111')).toBe(E164);
    expect(validate('380449999999')).toBe(E164);
    expect(validate('38044999999')).toBe(INVALID);
    expect(validate('3800441111111')).toBe(NOT_E164);
    expect(validate('3801441111111')).toBe(INVALID);
  });
});

function sipMessage(written: string): string {
  return `"${written}" is not a valid SIP destination (expected sip/user@host or sip:user@host)`;
}

/**
 * Numbers that share prefixes with real ones (so memo hits are exercised) and stray in length and
 * digits (so every verdict occurs): a real example number or a calling code, cut after a random
 * number of digits, refilled with random digits, sometimes to a different length.
 */
function randomNumbers(seed: number, count: number): string[] {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const countries = metadata.countries as Record<string, readonly unknown[]>;
  const codes = Object.keys(metadata.country_calling_codes);
  const real = Object.entries(examples).map(([c, national]) => `${countries[c]?.[0]}${national}`);
  const numbers: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = next(3) === 0 ? `${codes[next(codes.length)]}1234567890` : real[next(real.length)];
    const template = base as string;
    const length = Math.max(1, template.length + (next(4) === 0 ? next(5) - 2 : 0));
    let digits = template.slice(0, next(Math.min(template.length, 7)) + 1);
    while (digits.length < length) digits += String(next(10));
    numbers.push(digits.slice(0, length));
  }
  return numbers;
}
