// resource.Quantity (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go): parse, add
// and print as String() does. Values are held exactly, as integers of nano-units (BigInt), the
// finest scale a Quantity keeps (ParseQuantity rounds anything finer up to it).

type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
	/** The value times 10^9. */
	nanos: bigint;
	format: QuantityFormat;
}

/** The message ParseQuantity's callers print for text that is not a quantity (ErrFormatWrong). */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const DECIMAL: Record<string, number> = {n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18};
const BINARY: Record<string, number> = {Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60};
const NANO = 10n ** 9n;

/** ParseQuantity: a signed decimal number and one suffix (SI, binary SI or an exponent); null if not one. */
export function parseQuantity(text: string): Quantity | null {
	const match = /^([+-]?)([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?|[eE]([+-]?[0-9]+))$/.exec(text);
	if (match === null) return null;
	const [, sign = '', number = '', suffix = '', exponent] = match;
	const [whole = '', fraction = ''] = number.split('.');
	// The digits as an integer, and the power of ten that scales them to nano-units.
	let digits = BigInt(`${whole}${fraction}` || '0');
	let ten = 9 - fraction.length;
	let format: QuantityFormat = 'DecimalSI';
	if (exponent !== undefined) {
		ten += Number(exponent);
		format = 'DecimalExponent';
	} else if (suffix in BINARY) {
		digits *= 2n ** BigInt(BINARY[suffix] ?? 0);
		format = 'BinarySI';
	} else {
		ten += DECIMAL[suffix] ?? 0;
	}
	let nanos: bigint;
	if (ten >= 0) nanos = digits * 10n ** BigInt(ten);
	else {
		// Finer than a nano-unit: rounded up, away from zero, as ParseQuantity rounds.
		const scale = 10n ** BigInt(-ten);
		nanos = digits / scale + (digits % scale === 0n ? 0n : 1n);
	}
	return {nanos: sign === '-' ? -nanos : nanos, format};
}

/** Quantity.Add: the sum keeps the receiver's format. */
export const addQuantity = (a: Quantity, b: Quantity): Quantity => ({nanos: a.nanos + b.nanos, format: a.format});

/** Value(): whole units, rounded up. */
export function quantityValue(q: Quantity): bigint {
	return q.nanos / NANO + (q.nanos % NANO > 0n ? 1n : 0n);
}

/** MilliValue(): thousandths, rounded up. */
export function quantityMilliValue(q: Quantity): bigint {
	const per = NANO / 1000n;
	return q.nanos / per + (q.nanos % per > 0n ? 1n : 0n);
}

/**
 * String(): the canonical form. BinarySI uses the largest power of 1024 that divides a whole
 * number of bytes (falling back to DecimalSI for fractions); DecimalSI the largest power of 1000
 * that leaves an integer (`1500m`, `1`, `2k`); zero is `0`.
 */
export function formatQuantity(q: Quantity): string {
	if (q.nanos === 0n) return '0';
	const negative = q.nanos < 0n;
	const abs = negative ? -q.nanos : q.nanos;
	const sign = negative ? '-' : '';
	if (q.format === 'BinarySI' && abs % NANO === 0n) {
		const bytes = abs / NANO;
		// Below 1Ki, a whole number of bytes prints as DecimalSI would (quantity.go CanonicalizeBytes).
		if (bytes >= 1024n) {
			for (const [suffix, power] of Object.entries(BINARY).reverse()) {
				const unit = 2n ** BigInt(power);
				if (bytes % unit === 0n) return `${sign}${bytes / unit}${suffix}`;
			}
			return `${sign}${bytes}`;
		}
	}
	if (q.format === 'DecimalExponent') {
		let ten = -9;
		let digits = abs;
		while (digits % 1000n === 0n) {
			digits /= 1000n;
			ten += 3;
		}
		return ten === 0 ? `${sign}${digits}` : `${sign}${digits}e${ten}`;
	}
	let ten = -9;
	let digits = abs;
	while (digits % 1000n === 0n && ten < 18) {
		digits /= 1000n;
		ten += 3;
	}
	const suffix = Object.entries(DECIMAL).find(([, power]) => power === ten)?.[0] ?? '';
	return `${sign}${digits}${suffix}`;
}
