// Flag parsing with the rules of spf13/pflag, which kubectl uses: `--flag=value`,
// `--flag value`, `-f value`, `-fvalue`, `-f=value`, bundled boolean shorthands (`-Av`),
// `--` ends the flags, and a lone `-` is an argument. Messages are pflag's own texts, with
// the `error: ` prefix kubectl prints in front of every failure.

import {quote, quoteRune} from '../apimachinery/quote.js';
import type {ParseError} from './types.js';

/** `stringSlice` is pflag's StringSlice: comma-separated, and repeating the flag adds to it (kept joined by `,`). */
type FlagKind = 'bool' | 'string' | 'int' | 'stringSlice';

export interface FlagSpec {
	name: string;
	shorthand?: string;
	kind: FlagKind;
}

type FlagValue = string | number | boolean;

export type FlagValues = Readonly<Record<string, FlagValue>>;

export type FlagParse =
	| {
			ok: true;
			flags: Record<string, FlagValue>;
			/** Positional arguments, in order. */
			args: string[];
	  }
	| ParseError;

/** Flags every command takes: kubectl's global `-n`, `-o` (docs/semantics.md G1) and `-h`. The
 *  first and last are also the only flags known before the command word. */
export const COMMON_FLAGS: ReadonlyArray<FlagSpec> = [
	{name: 'namespace', shorthand: 'n', kind: 'string'},
	{name: 'output', shorthand: 'o', kind: 'string'},
	{name: 'help', shorthand: 'h', kind: 'bool'},
];

export function parseFlags(tokens: readonly string[], specs: ReadonlyArray<FlagSpec>): FlagParse {
	const flags: Record<string, FlagValue> = {};
	const args: string[] = [];
	// One iterator for the loop and for `next`, so a flag that takes its value from the
	// following token consumes that token.
	const rest = tokens.values();
	const next = (): string | undefined => rest.next().value;
	for (const token of rest) {
		if (token.length < 2 || token[0] !== '-') {
			args.push(token);
			continue;
		}
		if (token === '--') {
			args.push(...rest);
			break;
		}
		if (token[1] === '-') {
			const error = parseLong(token, specs, flags, next);
			if (error !== undefined) return {ok: false, error};
		} else {
			const error = parseShort(token, specs, flags, next);
			if (error !== undefined) return {ok: false, error};
		}
	}
	return {ok: true, flags, args};
}

function parseLong(token: string, specs: ReadonlyArray<FlagSpec>, flags: Record<string, FlagValue>, next: () => string | undefined): string | undefined {
	const body = token.slice(2);
	if (body === '' || body[0] === '-' || body[0] === '=') return `error: bad flag syntax: ${token}`;
	const eq = body.indexOf('=');
	const name = eq === -1 ? body : body.slice(0, eq);
	const spec = specs.find(s => s.name === name);
	if (spec === undefined) return `error: unknown flag: --${name}`;
	let value: string;
	if (eq !== -1) value = body.slice(eq + 1);
	else if (spec.kind === 'bool') value = 'true';
	else {
		const arg = next();
		if (arg === undefined) return `error: flag needs an argument: ${token}`;
		value = arg;
	}
	return setFlag(spec, value, flags);
}

function parseShort(token: string, specs: ReadonlyArray<FlagSpec>, flags: Record<string, FlagValue>, next: () => string | undefined): string | undefined {
	let shorthands = Array.from(token.slice(1));
	for (let c = shorthands[0]; c !== undefined; c = shorthands[0]) {
		const spec = specs.find(s => s.shorthand === c);
		if (spec === undefined) {
			return `error: unknown shorthand flag: ${quoteRune(c)} in -${shorthands.join('')}`;
		}
		let value: string;
		if (shorthands.length > 2 && shorthands[1] === '=') {
			value = shorthands.slice(2).join('');
			shorthands = [];
		} else if (spec.kind === 'bool') {
			value = 'true';
			shorthands = shorthands.slice(1);
		} else if (shorthands.length > 1) {
			value = shorthands.slice(1).join('');
			shorthands = [];
		} else {
			const arg = next();
			if (arg === undefined) return `error: flag needs an argument: ${quoteRune(c)} in -${c}`;
			value = arg;
			shorthands = [];
		}
		const error = setFlag(spec, value, flags);
		if (error !== undefined) return error;
	}
	return undefined;
}

function setFlag(spec: FlagSpec, value: string, flags: Record<string, FlagValue>): string | undefined {
	switch (spec.kind) {
		case 'string':
			flags[spec.name] = value;
			return undefined;
		case 'stringSlice': {
			const before = flags[spec.name];
			flags[spec.name] = typeof before === 'string' && before !== '' ? `${before},${value}` : value;
			return undefined;
		}
		case 'bool': {
			const parsed = parseBool(value);
			if (parsed === null) return invalidArgument(spec, value, `strconv.ParseBool: parsing ${quote(value)}: invalid syntax`);
			flags[spec.name] = parsed;
			return undefined;
		}
		case 'int': {
			if (!/^[+-]?[0-9]+$/.test(value)) {
				return invalidArgument(spec, value, `strconv.ParseInt: parsing ${quote(value)}: invalid syntax`);
			}
			const parsed = Number(value);
			// Go's int is 64-bit; past 2^53 a JS number is no longer exact, so stop there.
			if (!Number.isSafeInteger(parsed)) {
				return invalidArgument(spec, value, `strconv.ParseInt: parsing ${quote(value)}: value out of range`);
			}
			flags[spec.name] = parsed;
			return undefined;
		}
	}
}

/** strconv.ParseBool's accepted spellings. */
function parseBool(value: string): boolean | null {
	if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(value)) return true;
	if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)) return false;
	return null;
}

function invalidArgument(spec: FlagSpec, value: string, reason: string): string {
	const flagName = spec.shorthand === undefined ? `--${spec.name}` : `-${spec.shorthand}, --${spec.name}`;
	return `error: invalid argument ${quote(value)} for ${quote(flagName)} flag: ${reason}`;
}
