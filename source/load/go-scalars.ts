// Two explicit tags as go-yaml v2 reads them (sigs.k8s.io/yaml goyaml.v2 resolve.go and
// decode.go), shared by both parsers so that a small and a big file agree: JavaScript YAML
// libraries have their own ideas (`!!float 80` unresolved, `!!binary` as a byte array).

/** `!!binary`: the base64 text decoded to a string (go-yaml's scalar() does this; JSON then
 *  carries it as a string, invalid UTF-8 replaced by U+FFFD as encoding/json does), or null when
 *  Go's base64.StdEncoding refuses it. StdEncoding skips line breaks and wants its padding. */
export function binaryText(text: string): string | null {
	const compact = text.replace(/[\r\n]/g, '');
	if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(compact)) return null;
	return new TextDecoder('utf-8').decode(Buffer.from(compact, 'base64'));
}

export const invalidBinary = '!!binary value contains invalid base64 data';

const INT = /^[-+]?(?:0b[01]+|0o?[0-7]+|0x[0-9a-fA-F]+|[0-9]+)$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL: Readonly<Record<string, number>> = {'.inf': Infinity, '+.inf': Infinity, '-.inf': -Infinity, '.nan': NaN};

/** `!!float`: what go-yaml resolves the text to, taken as a float (an int becomes one: the
 *  deferred check in resolve()), or null when go-yaml refuses ("cannot decode !!str `x` as a
 *  !!float"). Underscores are dropped first, as resolve() does. */
export function explicitFloat(text: string): number | null {
	const special = SPECIAL[text.toLowerCase()];
	if (special !== undefined && /^[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)$/.test(text)) return special;
	const plain = text.replace(/_/g, '');
	if (INT.test(plain)) {
		const sign = plain.startsWith('-') ? -1 : 1;
		const digits = plain.replace(/^[-+]/, '');
		if (/^0[bB]/.test(digits)) return sign * parseInt(digits.slice(2), 2);
		if (/^0[xX]/.test(digits)) return sign * parseInt(digits.slice(2), 16);
		if (/^0[oO]/.test(digits)) return sign * parseInt(digits.slice(2), 8);
		if (digits.length > 1 && digits.startsWith('0')) return sign * parseInt(digits, 8);
		return sign * Number(digits);
	}
	return FLOAT.test(plain) ? Number(plain) : null;
}
