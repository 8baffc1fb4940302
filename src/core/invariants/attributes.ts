import type { AttributeType, AttributeValue } from '../model.ts';
import { invalid } from '../errors.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,9})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

function isCalendarDate(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/**
 * Checks that `value` is of the declared type and returns it in canonical form:
 * booleans and numbers as JS values; dates (YYYY-MM-DD) and date-times (ISO 8601) as strings.
 */
export function checkAttributeValue(type: AttributeType, value: unknown, name = 'attribute'): AttributeValue {
  const bad = (expected: string) =>
    invalid(`${name} is of type ${type}: expected ${expected}, got ${JSON.stringify(value)}`);
  switch (type) {
    case 'text':
      if (typeof value !== 'string') throw bad('text');
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw bad('true or false');
      return value;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw bad('a whole number');
      return value;
    case 'float':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bad('a number');
      return value;
    case 'date': {
      const m = typeof value === 'string' ? DATE.exec(value) : null;
      if (!m || !isCalendarDate(m[1]!, m[2]!, m[3]!)) throw bad('a date YYYY-MM-DD');
      return value as string;
    }
    case 'datetime': {
      const m = typeof value === 'string' ? DATETIME.exec(value) : null;
      if (!m || !isCalendarDate(m[1]!, m[2]!, m[3]!)) throw bad('a date-time YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]');
      return value as string;
    }
  }
}

/** Reads a value typed by a person (a CLI flag, a CSV cell) as the declared type. */
export function parseAttributeValue(type: AttributeType, raw: string, name = 'attribute'): AttributeValue {
  const text = raw.trim();
  switch (type) {
    case 'text':
      return raw;
    case 'boolean': {
      const key = text.toLowerCase();
      if (['true', 'yes', '1', 'oui', 'vrai'].includes(key)) return true;
      if (['false', 'no', '0', 'non', 'faux'].includes(key)) return false;
      return checkAttributeValue(type, raw, name);
    }
    case 'integer':
      return checkAttributeValue(type, /^[+-]?\d+$/.test(text) ? Number(text) : raw, name);
    case 'float':
      return checkAttributeValue(type, text !== '' && !Number.isNaN(Number(text)) ? Number(text) : raw, name);
    case 'date':
    case 'datetime':
      return checkAttributeValue(type, text, name);
  }
}
