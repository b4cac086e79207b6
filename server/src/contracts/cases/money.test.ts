import { convertToGrantMinor, convertToLocalMinor, currencyExponent, formatMoney, isValidRate, minorToDecimal, parseDecimalToMinor } from './money';

describe('money in minor units', () => {
  it('reads typed amounts digit by digit, with at most the currency\'s decimals', () => {
    expect(parseDecimalToMinor('1500', 2)).toBe(150_000);
    expect(parseDecimalToMinor('1 234,5', 2)).toBe(123_450);
    expect(parseDecimalToMinor('0.1', 2)).toBe(10);
    expect(parseDecimalToMinor('0.29', 2)).toBe(29); // 0.29 * 100 is 28.999999999999996 as a float
    for (const bad of ['', '-5', '1.234', '1e3', '12a', '1.2.3', '9999999999999999']) expect(parseDecimalToMinor(bad, 2)).toBeNull();
    expect(parseDecimalToMinor('100', 0)).toBe(100);
  });

  it('takes minor units from ISO 4217, not from display data (the forint has fillér)', () => {
    expect(['CHF', 'HUF', 'CZK', 'RON', 'BGN', 'EUR'].map(currencyExponent)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(currencyExponent('JPY')).toBe(0);
    expect(minorToDecimal(10_375_000, 2)).toBe('103750.00');
    expect(minorToDecimal(5, 2)).toBe('0.05');
  });

  it('converts exactly, rounding halves up to the nearest minor unit', () => {
    expect(convertToGrantMinor(10_375_000, 'HUF', 'CHF', '415.00')).toBe(25_000);
    expect(convertToGrantMinor(208, 'HUF', 'CHF', '415')).toBe(1); // 0.501 rappen
    expect(convertToGrantMinor(207, 'HUF', 'CHF', '415')).toBe(0); // 0.4988 rappen
    expect(convertToGrantMinor(10_700, 'EUR', 'CHF', '1.07')).toBe(10_000);
    expect(convertToLocalMinor(150_000, 'CHF', 'HUF', '415.00')).toBe(62_250_000);
    expect(convertToGrantMinor(100, 'HUF', 'CHF', '0')).toBeNull();
    expect([isValidRate('0.000001'), isValidRate('0'), isValidRate('1,5'), isValidRate('1.1234567')]).toEqual([true, false, false, false]);
  });

  it('formats in the reader\'s locale with the currency\'s decimals', () => {
    expect(formatMoney(150_000, 'CHF', 'en')).toMatch(/^CHF\s1,500\.00$/);
    expect(formatMoney(10_375_005, 'HUF', 'hu')).toMatch(/^103\s750,05\sFt$/);
  });
});
