// The head of a pane (source/ui/table-pane.tsx): lines wrapped between words into the rows it may
// take, the rest cut with one ellipsis; a `check` warning keeps its colour on every row it wraps to.
import test from 'ava';
import {wrapHead} from '../../source/ui/table-pane.js';

test('a warning wrapped over three rows is a warning on each of them; the count line above is not', t => {
	const rows = wrapHead(['1 of 1 ready', '⚠ port 80: targetPort 9999 is not declared by any selected container'], 28, 4);
	t.deepEqual(
		rows.map(r => [r.text, r.warning]),
		[
			['1 of 1 ready', false],
			['⚠ port 80: targetPort 9999', true],
			['is not declared by any', true],
			['selected container', true],
		],
	);
});

test('past its rows the head ends in one ellipsis, on the last row kept', t => {
	const rows = wrapHead(['⚠ port 80: targetPort 9999 is not declared by any selected container'], 28, 2);
	t.deepEqual(
		rows.map(r => r.text),
		['⚠ port 80: targetPort 9999', 'is not declared by any …'],
	);
	t.true(rows.every(r => r.warning));
});
