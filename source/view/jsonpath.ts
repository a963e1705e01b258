// kubectl's JSONPath templates (`-o jsonpath=`, custom columns, `--sort-by`), following client-go
// `util/jsonpath/parser.go` and `jsonpath.go`: the same grammar (text outside braces, `{range}…{end}`,
// quoted literals, unions, filters, slices, `..`), the same walk and the same error texts.
//
// Why not a JSONPath library (jsonpath-plus): kubectl's dialect is a template language around the
// expressions, and its expression semantics differ from RFC-style JSONPath where users notice:
// `['metadata.name']` is a path, not a key; `[*]` is a slice (an error on a map); filters compare
// with Go's template rules (no JavaScript evaluation, `3` and `"3"` do not compare); a missing key
// is an empty result; and the errors (`unterminated array`, `is not found`) are client-go's.
//
// Values are JSON values. Where client-go iterates a Go map (`*`, `..`) the order is unspecified;
// here it is sorted by key so the output is deterministic.

import {jsonText} from './output-text.js';
import {sanitize} from './sanitize.js';

type ListNode = {type: 'list'; nodes: Node[]};
type Param = {known: boolean; value: number; derived: boolean};
type Node =
	| ListNode
	| {type: 'text'; text: string}
	| {type: 'field'; name: string}
	| {type: 'identifier'; name: string}
	| {type: 'array'; params: [Param, Param, Param]}
	| {type: 'filter'; left: ListNode; right: ListNode; operator: string}
	| {type: 'int' | 'float'; value: number}
	| {type: 'bool'; value: boolean}
	| {type: 'wildcard'}
	| {type: 'recursive'}
	| {type: 'union'; nodes: ListNode[]};

/** A string from the template itself (a `TextNode`), printed as written, not as data. */
class Literal {
	constructor(readonly text: string) {}
}

/** Go's invalid reflect.Value: what a range with no results walks its body with. */
const INVALID = Symbol('invalid');

type Value = unknown;

export type ParsedTemplate = {ok: true; root: ListNode} | {ok: false; error: string};

// ---------------------------------------------------------------------------------------------
// Parser (client-go util/jsonpath/parser.go)

class Parser {
	private input = '';
	private pos = 0;
	private start = 0;
	private width = 0;
	root: ListNode = newList();

	parse(text: string): string | undefined {
		this.input = text;
		this.root = newList();
		this.pos = 0;
		this.start = 0;
		return this.parseText(this.root);
	}

	private consumeText(): string {
		const value = this.input.slice(this.start, this.pos);
		this.start = this.pos;
		return value;
	}

	private next(): string | null {
		if (this.pos >= this.input.length) {
			this.width = 0;
			return null;
		}
		const code = this.input.codePointAt(this.pos) ?? 0;
		const r = String.fromCodePoint(code);
		this.width = r.length;
		this.pos += this.width;
		return r;
	}

	private peek(): string | null {
		const r = this.next();
		this.backup();
		return r;
	}

	private backup(): void {
		this.pos -= this.width;
	}

	private rest(): string {
		return this.input.slice(this.pos);
	}

	private parseText(cur: ListNode): string | undefined {
		for (;;) {
			if (this.rest().startsWith('{')) {
				if (this.pos > this.start) cur.nodes.push({type: 'text', text: this.consumeText()});
				return this.parseLeftDelim(cur);
			}
			if (this.next() === null) break;
		}
		if (this.pos > this.start) cur.nodes.push({type: 'text', text: this.consumeText()});
		return undefined;
	}

	private parseLeftDelim(cur: ListNode): string | undefined {
		this.pos += 1;
		this.consumeText();
		const node = newList();
		cur.nodes.push(node);
		return this.parseInsideAction(node);
	}

	private parseInsideAction(cur: ListNode): string | undefined {
		// A loop where parser.go recurses once per token (a long template must not overflow the stack).
		for (;;) {
			const rest = this.rest();
			if (rest.startsWith('}')) return this.parseRightDelim();
			if (rest.startsWith('[?(')) {
				const error = this.parseFilter(cur);
				if (error !== undefined) return error;
				continue;
			}
			if (rest.startsWith('..')) {
				const error = this.parseRecursive(cur);
				if (error !== undefined) return error;
				continue;
			}
			const r = this.next();
			let error: string | undefined;
			if (r === null || r === '\r' || r === '\n') return 'unclosed action';
			if (r === ' ' || r === '@' || r === '$') this.consumeText();
			else if (r === '[') error = this.parseArray(cur);
			else if (r === '"' || r === "'") error = this.parseQuote(cur, r);
			else if (r === '.') error = this.parseField(cur);
			else if (r === '+' || r === '-' || isDigit(r)) {
				this.backup();
				error = this.parseNumber(cur);
			} else if (isAlphaNumeric(r)) {
				this.backup();
				this.parseIdentifier(cur);
			} else return `unrecognized character in action: ${goRune(r)}`;
			if (error !== undefined) return error;
		}
	}

	private parseRightDelim(): string | undefined {
		this.pos += 1;
		this.consumeText();
		return this.parseText(this.root);
	}

	private parseIdentifier(cur: ListNode): void {
		for (;;) {
			const r = this.next();
			if (isTerminator(r)) {
				this.backup();
				break;
			}
		}
		const value = this.consumeText();
		if (value === 'true' || value === 'false') cur.nodes.push({type: 'bool', value: value === 'true'});
		else cur.nodes.push({type: 'identifier', name: value});
	}

	private parseRecursive(cur: ListNode): string | undefined {
		if (cur.nodes.at(-1)?.type === 'recursive') return 'invalid multiple recursive descent';
		this.pos += 2;
		this.consumeText();
		cur.nodes.push({type: 'recursive'});
		const r = this.peek();
		if (r !== null && isAlphaNumeric(r)) return this.parseField(cur);
		return undefined;
	}

	private parseNumber(cur: ListNode): string | undefined {
		const first = this.peek();
		if (first === '+' || first === '-') this.next();
		for (;;) {
			const r = this.next();
			if (r !== '.' && (r === null || !isDigit(r))) {
				this.backup();
				break;
			}
		}
		const value = this.consumeText();
		// strconv.Atoi, then strconv.ParseFloat.
		if (/^[+-]?[0-9]+$/.test(value) && Number.isSafeInteger(Number(value))) {
			cur.nodes.push({type: 'int', value: Number(value)});
			return undefined;
		}
		if (/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) {
			cur.nodes.push({type: 'float', value: Number(value)});
			return undefined;
		}
		return `cannot parse number ${value}`;
	}

	private parseArray(cur: ListNode): string | undefined {
		for (;;) {
			const r = this.next();
			if (r === null || r === '\n') return 'unterminated array';
			if (r === ']') break;
		}
		let text = this.consumeText().slice(1, -1);
		if (text === '*') text = ':';

		const parts = text.split(',');
		if (parts.length > 1) {
			const union: ListNode[] = [];
			for (const part of parts) {
				const parsed = parseAction(`[${part.replace(/^ +| +$/g, '')}]`);
				if (!parsed.ok) return parsed.error;
				union.push(parsed.root);
			}
			cur.nodes.push({type: 'union', nodes: union});
			return undefined;
		}

		const key = /^'([^']*)'$/.exec(text);
		if (key !== null) {
			const parsed = parseAction(`.${key[1]}`);
			if (!parsed.ok) return parsed.error;
			cur.nodes.push(...parsed.root.nodes);
			return undefined;
		}

		const slice = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/.exec(text);
		if (slice === null) return `invalid array index ${text}`;
		const params: [Param, Param, Param] = [
			{known: false, value: 0, derived: false},
			{known: false, value: 0, derived: false},
			{known: false, value: 0, derived: false},
		];
		for (let i = 0; i < 3; i++) {
			let part = slice[i + 1] ?? '';
			const param = params[i] as Param;
			if (part !== '') {
				if (i > 0) part = part.slice(1);
				if (i > 0 && part === '') param.known = false;
				else {
					if (!/^[+-]?[0-9]+$/.test(part)) return `array index ${part} is not a number`;
					param.known = true;
					param.value = Number(part);
				}
			} else if (i === 1) {
				param.known = true;
				param.value = params[0].value + 1;
				param.derived = true;
			}
		}
		cur.nodes.push({type: 'array', params});
		return undefined;
	}

	private parseFilter(cur: ListNode): string | undefined {
		this.pos += 3;
		this.consumeText();
		let begin = false;
		let end = false;
		let pair = '';
		for (;;) {
			const r = this.next();
			if (r === null || r === '\n') return 'unterminated filter';
			if (r === '"' || r === "'") {
				if (!begin) {
					begin = true;
					pair = r;
					continue;
				}
				if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
			} else if (r === ')' && begin === end) break;
		}
		if (this.next() !== ']') return 'unclosed array expect ]';
		const text = this.consumeText().slice(0, -2);
		const match = /^([^!<>=]+)([!<>=~]+)(.+?)$/s.exec(text);
		if (match === null) {
			const parsed = parseAction(text);
			if (!parsed.ok) return parsed.error;
			cur.nodes.push({type: 'filter', left: parsed.root, right: newList(), operator: 'exists'});
			return undefined;
		}
		const left = parseAction(match[1] ?? '');
		if (!left.ok) return left.error;
		const right = parseAction(match[3] ?? '');
		if (!right.ok) return right.error;
		cur.nodes.push({type: 'filter', left: left.root, right: right.root, operator: match[2] ?? ''});
		return undefined;
	}

	private parseQuote(cur: ListNode, quote: string): string | undefined {
		for (;;) {
			const r = this.next();
			if (r === null || r === '\n') return 'unterminated quoted string';
			if (r === quote && this.input[this.pos - 2] !== '\\') break;
		}
		const value = this.consumeText();
		const text = unquoteExtend(value);
		if (text === null) return `unquote string ${value} error invalid syntax`;
		cur.nodes.push({type: 'text', text});
		return undefined;
	}

	private parseField(cur: ListNode): undefined {
		this.consumeText();
		for (;;) {
			const r = this.next();
			if (r === '\\') this.next();
			else if (isTerminator(r)) {
				this.backup();
				break;
			}
		}
		const value = this.consumeText();
		if (value === '*') cur.nodes.push({type: 'wildcard'});
		else cur.nodes.push({type: 'field', name: value.replaceAll('\\', '')});
		return undefined;
	}
}

function newList(): ListNode {
	return {type: 'list', nodes: []};
}

/** parser.go's parseAction: `text` parsed as if written inside braces. */
function parseAction(text: string): ParsedTemplate {
	const parser = new Parser();
	const error = parser.parse(`{${text}}`);
	if (error !== undefined) return {ok: false, error};
	const [first] = parser.root.nodes;
	return first?.type === 'list' ? {ok: true, root: first} : {ok: true, root: newList()};
}

export function parseTemplate(text: string): ParsedTemplate {
	const parser = new Parser();
	const error = parser.parse(text);
	return error === undefined ? {ok: true, root: parser.root} : {ok: false, error};
}

function isTerminator(r: string | null): boolean {
	return r === null || ' \t\r\n.,[]$@{}'.includes(r);
}

function isDigit(r: string): boolean {
	return /^\p{Nd}$/u.test(r);
}

function isAlphaNumeric(r: string): boolean {
	return r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
}

/** Go's `%#U`: `U+0025 '%'`. */
function goRune(r: string): string {
	const code = r.codePointAt(0) ?? 0;
	return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${sanitize(r)}'`;
}

/** client-go's UnquoteExtend: strconv.Unquote that also takes single-quoted strings; null on a syntax error. */
function unquoteExtend(s: string): string | null {
	const quote = s[0];
	if (s.length < 2 || (quote !== '"' && quote !== "'") || s.at(-1) !== quote) return null;
	const body = s.slice(1, -1);
	let out = '';
	for (let i = 0; i < body.length; ) {
		const c = body[i] as string;
		if (c === quote) return null;
		if (c !== '\\') {
			out += c;
			i++;
			continue;
		}
		const e = body[i + 1];
		const simple: Record<string, string> = {a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\'};
		if (e === undefined) return null;
		if (Object.hasOwn(simple, e)) {
			out += simple[e];
			i += 2;
		} else if (e === quote) {
			out += e;
			i += 2;
		} else if (e === 'x' || e === 'u' || e === 'U') {
			const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
			const hex = body.slice(i + 2, i + 2 + n);
			if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) return null;
			const code = Number.parseInt(hex, 16);
			if (code > 0x10ffff || (code >= 0xd800 && code < 0xe000)) return null;
			out += String.fromCodePoint(code);
			i += 2 + n;
		} else if (/^[0-7]$/.test(e)) {
			const oct = body.slice(i + 1, i + 4);
			if (!/^[0-7]{3}$/.test(oct) || Number.parseInt(oct, 8) > 255) return null;
			out += String.fromCharCode(Number.parseInt(oct, 8));
			i += 4;
		} else return null;
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Evaluation (client-go util/jsonpath/jsonpath.go)

type Found = {ok: true; results: Value[][]} | {ok: false; error: string};
type Walked = {ok: true; values: Value[]} | {ok: false; error: string};

class Evaluator {
	private beginRange = 0;
	private inRange = 0;
	private endRange = 0;
	private lastEnd = -1;

	constructor(
		private readonly root: ListNode,
		private readonly allowMissingKeys: boolean,
	) {}

	/** FindResults over `root.nodes` from index `from` (a range body continues where it started). */
	find(data: Value, from = 0): Found {
		const nodes = this.root.nodes;
		const full: Value[][] = [];
		for (let i = from; i < nodes.length; i++) {
			const walked = this.walk([data], nodes[i] as Node);
			if (!walked.ok) return walked;
			if (this.endRange > 0 && this.endRange <= this.inRange) {
				this.endRange--;
				this.lastEnd = i;
				break;
			}
			if (this.beginRange > 0) {
				this.beginRange--;
				this.inRange++;
				if (walked.values.length > 0) {
					for (const value of walked.values) {
						const inner = this.find(value, i + 1);
						if (!inner.ok) return inner;
						full.push(...inner.results);
					}
				} else {
					const inner = this.find(INVALID, i + 1);
					if (!inner.ok) return inner;
				}
				this.inRange--;
				for (let k = i + 1; k < nodes.length; k++) {
					if (k === this.lastEnd) {
						i = k;
						break;
					}
				}
				continue;
			}
			full.push(walked.values);
		}
		return {ok: true, results: full};
	}

	private walk(input: Value[], node: Node): Walked {
		switch (node.type) {
			case 'list': {
				let cur = input;
				for (const child of node.nodes) {
					const walked = this.walk(cur, child);
					if (!walked.ok) return walked;
					cur = walked.values;
				}
				return {ok: true, values: cur};
			}
			case 'text':
				return {ok: true, values: [new Literal(node.text)]};
			case 'field':
				return this.field(input, node.name);
			case 'array':
				return evalArray(input, node.params);
			case 'filter':
				return this.filter(input, node);
			case 'int':
			case 'float':
			case 'bool':
				return {ok: true, values: input.map(() => node.value)};
			case 'wildcard':
				return {ok: true, values: input.flatMap(v => children(indirect(v)))};
			case 'recursive':
				return {ok: true, values: recursive(input)};
			case 'union': {
				const out: Value[] = [];
				for (const list of node.nodes) {
					const walked = this.walk(input, list);
					if (!walked.ok) return walked;
					out.push(...walked.values);
				}
				return {ok: true, values: out};
			}
			case 'identifier':
				if (node.name === 'range') {
					this.beginRange++;
					return {ok: true, values: input};
				}
				if (node.name === 'end') {
					if (this.inRange > 0) {
						this.endRange++;
						return {ok: true, values: []};
					}
					return {ok: false, error: 'not in range, nothing to end'};
				}
				return {ok: false, error: `unrecognized identifier ${node.name}`};
		}
	}

	private field(input: Value[], name: string): Walked {
		if (input.length === 0) return {ok: true, values: []};
		const out: Value[] = [];
		for (const raw of input) {
			const value = indirect(raw);
			if (value === null) continue;
			if (isMap(value) && Object.hasOwn(value, name)) out.push(value[name]);
		}
		if (out.length === 0 && !this.allowMissingKeys) return {ok: false, error: `${name} is not found`};
		return {ok: true, values: out};
	}

	private filter(input: Value[], node: Extract<Node, {type: 'filter'}>): Walked {
		const out: Value[] = [];
		for (const raw of input) {
			const value = indirect(raw);
			if (!Array.isArray(value)) return {ok: false, error: `${goSprint(value)} is not array or slice and cannot be filtered`};
			for (const item of value) {
				const lefts = this.walk([item], node.left);
				if (node.operator === 'exists') {
					if (lefts.ok && lefts.values.length > 0) out.push(item);
					continue;
				}
				if (!lefts.ok) return lefts;
				if (lefts.values.length === 0) continue;
				if (lefts.values.length > 1) return {ok: false, error: 'can only compare one element at a time'};
				const rights = this.walk([item], node.right);
				if (!rights.ok) return rights;
				if (rights.values.length === 0) continue;
				if (rights.values.length > 1) return {ok: false, error: 'can only compare one element at a time'};
				const pass = compareOp(node.operator, indirect(lefts.values[0]), indirect(rights.values[0]));
				if (typeof pass === 'string') return {ok: false, error: pass};
				if (pass) out.push(item);
			}
		}
		return {ok: true, values: out};
	}
}

function isMap(value: Value): value is Record<string, Value> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** template.Indirect, for JSON values: a template literal is its string. */
function indirect(value: Value): Value {
	return value instanceof Literal ? value.text : value;
}

/** A map's values (by key), an array's items, a string's UTF-8 bytes (as Go's reflect indexes them). */
function children(value: Value): Value[] {
	if (Array.isArray(value)) return [...value];
	if (isMap(value))
		return Object.keys(value)
			.sort()
			.map(key => value[key]);
	if (typeof value === 'string') return [...new TextEncoder().encode(value)];
	return [];
}

function recursive(input: Value[]): Value[] {
	const out: Value[] = [];
	for (const raw of input) {
		const value = indirect(raw);
		if (value === null) continue;
		const kids = children(value);
		if (kids.length > 0) {
			out.push(value);
			out.push(...recursive(kids));
		}
	}
	return out;
}

function evalArray(input: Value[], params: readonly [Param, Param, Param]): Walked {
	const out: Value[] = [];
	for (const raw of input) {
		const value = indirect(raw);
		if (value === null) continue;
		if (!Array.isArray(value)) return {ok: false, error: `${goTypeName(value)} is not array or slice`};
		const length = value.length;
		let start = params[0].known ? params[0].value : 0;
		if (start < 0) start += length;
		let end = params[1].known ? params[1].value : length;
		if (end < 0 || (end === 0 && params[1].derived)) end += length;
		if (end === start) return {ok: true, values: out};
		if (start >= length || start < 0) return {ok: false, error: `array index out of bounds: index ${start}, length ${length}`};
		if (end > length || end < 0) return {ok: false, error: `array index out of bounds: index ${end - 1}, length ${length}`};
		if (start > end) return {ok: false, error: `starting index ${start} is greater than ending index ${end}`};
		let step = 1;
		if (params[2].known) {
			if (params[2].value <= 0) return {ok: false, error: 'step must be > 0'};
			step = params[2].value;
		}
		for (let i = start; i < end; i += step) out.push(value[i]);
	}
	return {ok: true, values: out};
}

type Kind = 'bool' | 'int' | 'float' | 'string';

function basicKind(value: Value): Kind | null {
	if (typeof value === 'boolean') return 'bool';
	if (typeof value === 'string') return 'string';
	if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
	return null;
}

/** The comparisons of client-go's forked text/template funcs.go (Equal, Less, …); a string is its error. */
function compareOp(operator: string, left: Value, right: Value): boolean | string {
	const k1 = basicKind(left);
	const k2 = basicKind(right);
	const equal = (): boolean | string => {
		if (k1 === null || k2 === null) return 'invalid type for comparison';
		if (k1 !== k2) return 'incompatible types for comparison';
		return left === right;
	};
	const less = (): boolean | string => {
		if (k1 === null || k2 === null) return 'invalid type for comparison';
		if (k1 !== k2) return 'incompatible types for comparison';
		if (k1 === 'bool') return 'invalid type for comparison';
		return (left as number | string) < (right as number | string);
	};
	const not = (r: boolean | string): boolean | string => (typeof r === 'string' ? r : !r);
	const or = (a: () => boolean | string, b: () => boolean | string): boolean | string => {
		const first = a();
		return first === false ? b() : first;
	};
	switch (operator) {
		case '==':
			return equal();
		case '!=':
			return not(equal());
		case '<':
			return less();
		case '<=':
			return or(less, equal);
		case '>':
			// Go: Greater is !LessEqual.
			return not(or(less, equal));
		case '>=':
			return not(less());
		default:
			return `unrecognized filter operator ${operator}`;
	}
}

function goTypeName(value: Value): string {
	if (value === INVALID) return '<nil>';
	if (Array.isArray(value)) return '[]interface {}';
	if (isMap(value)) return 'map[string]interface {}';
	const kind = basicKind(value);
	return kind === 'int' ? 'int64' : kind === 'float' ? 'float64' : (kind ?? '<nil>');
}

/** Go's `%v` of a float64 (strconv 'g', shortest, exponent from 1e-4 and 1e+06 on). */
function goFloat(value: number): string {
	if (!Number.isFinite(value)) return value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
	const [mantissa = '', exponent = '0'] = value.toExponential().split('e');
	const exp = Number(exponent);
	if (exp < -4 || exp >= 6) {
		return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
	}
	return String(value);
}

/** fmt.Sprint of a JSON value as Go holds it: `map[k:v]`, `[a b]`, `<nil>`; strings raw (not sanitized). */
export function goSprint(value: Value): string {
	const v = indirect(value);
	if (v === null) return '<nil>';
	if (v === INVALID) return '<no value>';
	if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
	if (isMap(v)) {
		return `map[${Object.keys(v)
			.sort()
			.map(key => `${key}:${goSprint(v[key])}`)
			.join(' ')}]`;
	}
	if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloat(v);
	return String(v);
}

/** encoding/json's Marshal (map keys sorted, `<>&` escaped), then the terminal-safe escapes of jsonText. */
function goJson(value: Value, indent?: number): string {
	const sorted = sortDeep(value);
	const text =
		indent === undefined ? jsonText(sorted) : JSON.stringify(sorted, null, indent).replace(/[\u007f-\u009f]/g, ch => `\\u00${ch.charCodeAt(0).toString(16)}`);
	return text.replace(/[<>&\u2028\u2029]/g, ch => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortDeep(value: Value): Value {
	const v = indirect(value);
	if (Array.isArray(v)) return v.map(sortDeep);
	if (isMap(v)) {
		const out: Record<string, Value> = {};
		for (const key of Object.keys(v).sort()) out[key] = sortDeep(v[key]);
		return out;
	}
	return v === INVALID ? null : v;
}

// ---------------------------------------------------------------------------------------------
// The three users

/** A template's text literals may hold the newlines and tabs they ask for, nothing else raw. */
function literalText(text: string): string {
	return text
		.split('\n')
		.map(line => line.split('\t').map(sanitize).join('\t'))
		.join('\n');
}

/** PrintResults: one result list, its values separated by spaces; maps and lists as JSON. */
function printResults(results: Value[], asJson: boolean): string {
	if (asJson) return `${goJson(results.map(indirect), 4)}\n`;
	return results
		.map(r => {
			if (r instanceof Literal) return literalText(r.text);
			if (typeof r === 'object' && r !== null) return goJson(r);
			return sanitize(goSprint(r));
		})
		.join(' ');
}

/**
 * `-o jsonpath=TEMPLATE` (and `jsonpath-as-json`) as kubectl's JSONPathPrinter prints it, with
 * kubectl's default `--allow-missing-template-keys=true`. The text has no final newline added:
 * kubectl prints exactly what the template produces.
 */
export function executeTemplate(template: string, data: unknown, options: {asJson?: boolean} = {}): {ok: true; text: string} | {ok: false; error: string} {
	const parsed = parseTemplate(template);
	// jsonpath_flags.go / printers/jsonpath.go wrap the two failures with these texts.
	if (!parsed.ok) return {ok: false, error: `error: error parsing jsonpath ${sanitize(template)}, ${parsed.error}`};
	const found = new Evaluator(parsed.root, true).find(data);
	if (!found.ok) {
		// kubectl then dumps the whole object in Go syntax; that dump is left out here.
		return {
			ok: false,
			error: `error: error executing jsonpath ${JSON.stringify(sanitize(template))}: Error executing template: ${sanitize(found.error)}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${sanitize(template)}`,
		};
	}
	return {ok: true, text: found.results.map(r => printResults(r, options.asJson === true)).join('')};
}

/** The values a parsed expression finds in `data` (custom columns and `--sort-by` use these), missing keys allowed. */
export function findValues(root: ListNode, data: unknown): {ok: true; results: unknown[][]} | {ok: false; error: string} {
	const found = new Evaluator(root, true).find(data);
	return found.ok ? {ok: true, results: found.results.map(list => list.map(indirect))} : found;
}

/**
 * customcolumn.go's RelaxedJSONPathExpression: `a.b`, `.a.b`, `{a.b}` and `{.a.b}` all mean `{.a.b}`.
 * Shared by custom columns and `--sort-by`.
 */
export function relaxedExpression(path: string): {ok: true; expression: string} | {ok: false; error: string} {
	if (path === '') return {ok: true, expression: path};
	const match = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(path);
	if (match === null) {
		return {ok: false, error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"};
	}
	return {ok: true, expression: `{.${match[1] ?? match[2]}}`};
}
