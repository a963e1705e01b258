import test from 'ava';
import {parseDocuments} from '../../source/load/parse-documents.js';

test('documents become plain values, YAML 1.1 style as Kubernetes reads them', t => {
	const parsed = parseDocuments('a: yes\nb: 010\nc: 12:30\nd: 2024-01-01\n---\n---\n- 1\n');
	t.deepEqual(parsed.problems, []);
	t.deepEqual(parsed.documents, [
		{index: 0, value: {a: true, b: 8, c: '12:30', d: '2024-01-01'}},
		{index: 1, value: null},
		{index: 2, value: [1]},
	]);
});

test('problems carry their document and position; other documents still parse', t => {
	const parsed = parseDocuments('a: 1\n---\nb: [1\nc: 2\n---\nd: 4\n');
	t.deepEqual(parsed.problems.map(p => [p.document, p.line, p.col]), [[1, 4, 1]]);
	t.deepEqual(parsed.documents.map(d => d.value), [{a: 1}, {d: 4}]);
});

test('a byte-order mark does not shift columns', t => {
	const parsed = parseDocuments('\uFEFFa: [1\n');
	t.deepEqual(parsed.problems.map(p => [p.line, p.col]), [[2, 1]]);
});
