import { InvalidArgumentError } from 'commander';
import { LANGUAGES, type Language } from '../core/model.ts';

/** Parses a whole, non-negative number for an option; anything else is a usage error. */
export function offsetArg(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number ≥ 0.');
  return Number(value);
}

/** A comma-separated list of supported languages. */
export function languagesArg(value: string): Language[] {
  const list = value.split(',').map((l) => l.trim().toLowerCase());
  for (const l of list) if (!LANGUAGES.includes(l as Language)) throw new InvalidArgumentError(`languages are ${LANGUAGES.join(', ')}.`);
  return list as Language[];
}

/** An option that takes one of a fixed set of values. */
export function choiceArg<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    if (!choices.includes(value as T)) throw new InvalidArgumentError(`expected one of ${choices.join(', ')}.`);
    return value as T;
  };
}

/** A TCP port, 0 to 65535 (0: any free port). */
export function parsePort(value: string): number {
  const port = offsetArg(value);
  if (port > 65535) throw new InvalidArgumentError('a port is at most 65535.');
  return port;
}
