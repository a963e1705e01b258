// resource.Quantity (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go): ParseQuantity,
// Add and String()'s canonical form, with values quantity_test.go checks.
import test from 'ava';
import {addQuantity, formatQuantity, parseQuantity, quantityMilliValue, quantityValue} from '../../source/apimachinery/quantity.js';

const canonical = (text: string) => {
	const q = parseQuantity(text);
	return q === null ? null : formatQuantity(q);
};

test('quantity.go String(): DecimalSI takes the largest power of 1000 that leaves an integer; BinarySI the largest power of 1024', t => {
	for (const [text, out] of <Array<[string, string]>>[
		['100m', '100m'],
		['1000m', '1'],
		['1500m', '1500m'],
		['0.5', '500m'],
		['2000', '2k'],
		['0', '0'],
		['256Mi', '256Mi'],
		['1024Mi', '1Gi'],
		['1.5Gi', '1536Mi'],
		['1536', '1536'],
		['15341056Ki', '15341056Ki'],
		['1e3', '1e3'],
		['-100m', '-100m'],
	]) {
		t.is(canonical(text), out, text);
	}
});

test('quantity.go ParseQuantity: not a quantity is null; finer than nano rounds up; Add keeps the first format', t => {
	for (const text of ['', 'm', '1.2.3', '10 Mi', '1Kb', 'Mi1', '0x10']) t.is(parseQuantity(text), null, text);
	t.is(canonical('0.0000000001'), '1n');
	const sum = addQuantity(parseQuantity('512Mi')!, parseQuantity('512Mi')!);
	t.is(formatQuantity(sum), '1Gi');
	t.is(formatQuantity(addQuantity(parseQuantity('100m')!, parseQuantity('1')!)), '1100m');
	t.is(quantityMilliValue(parseQuantity('0.0001')!), 1n, 'MilliValue rounds up');
	t.is(quantityValue(parseQuantity('1500m')!), 2n, 'Value rounds up');
});
