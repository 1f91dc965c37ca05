import { decimalString, secretString, text } from './text';

describe('text(): the one string rule', () => {
  const title = text({ max: 10, kind: 'name' });

  it('refuses NUL, lone surrogates and control characters', () => {
    expect(title.safeParse('a\u0000b').success).toBe(false);
    expect(title.safeParse('a\ud800b').success).toBe(false);
    expect(title.safeParse('a\udc00').success).toBe(false);
    expect(title.safeParse('a\u0007').success).toBe(false);
    expect(title.parse('😀ok')).toBe('😀ok');
  });

  it('NFC-normalises and trims a name; refuses a line break in it', () => {
    expect(title.parse('  カ\u3099  ')).toBe('ガ');
    expect(title.safeParse('a\nb').success).toBe(false);
  });

  it('refuses a required value that is blank once invisible characters are removed', () => {
    expect(title.safeParse('\u200b\u200b').success).toBe(false);
    expect(title.safeParse('\ufeff \u2060').success).toBe(false);
    expect(title.safeParse('').success).toBe(false);
    expect(text({ max: 5, min: 0 }).parse('')).toBe('');
  });

  it('bounds the length after normalisation', () => {
    expect(title.safeParse('x'.repeat(11)).success).toBe(false);
    expect(title.parse(' ' + 'x'.repeat(10) + ' ')).toBe('x'.repeat(10));
  });

  it('keeps line breaks in multiline text, trimming only the end', () => {
    expect(text({ max: 50, kind: 'multiline' }).parse('  a\nb  \n')).toBe('  a\nb');
  });
});

describe('decimalString()', () => {
  const tonnes = decimalString({ maxDigits: 12, maxFraction: 4 });
  it('accepts bounded decimals and refuses a 400-digit estimate', () => {
    expect(tonnes.parse('12340.5')).toBe('12340.5');
    expect(tonnes.safeParse('9'.repeat(400)).success).toBe(false);
    expect(tonnes.safeParse('1.12345').success).toBe(false);
    expect(tonnes.safeParse('-1').success).toBe(false);
  });
});

describe('secretString()', () => {
  it('keeps a password byte for byte but refuses NUL', () => {
    expect(secretString({ max: 20 }).parse(' pa ss ')).toBe(' pa ss ');
    expect(secretString({ max: 20 }).safeParse('a\u0000').success).toBe(false);
  });
});
