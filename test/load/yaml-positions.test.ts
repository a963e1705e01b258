import test from 'ava';
import {documentStart, findPath, indexYaml} from '../../source/load/yaml-positions.js';

const text = [
	'# header', // 1
	'a:', // 2
	'  b: 1', // 3
	'  empty:', // 4
	'  list:', // 5
	'  - x', // 6
	'  - {k: v}', // 7
	'defaults: &d {port: 80}', // 8
	'merged:', // 9
	'  <<: *d', // 10
	'  name: m', // 11
	'---', // 12
	'second: true', // 13
].join('\n');
const yaml = indexYaml(text);

test('exact positions: a value, a null value (its key), a list item', t => {
	t.deepEqual(findPath(yaml, 0, ['a', 'b']).exact, {line: 3, col: 6});
	t.deepEqual(findPath(yaml, 0, ['a', 'empty']).exact, {line: 4, col: 3});
	t.deepEqual(findPath(yaml, 0, ['a', 'list', 1, 'k']).exact, {line: 7, col: 9});
	t.deepEqual(findPath(yaml, 0, ['a', 'list', 0]).exact, {line: 6, col: 5});
});

test('a missing path: no exact position, the nearest written key', t => {
	t.deepEqual(findPath(yaml, 0, ['a', 'missing', 'deeper']), {exact: null, nearest: {line: 2, col: 1}});
	t.deepEqual(findPath(yaml, 0, ['a', 'list', 5]), {exact: null, nearest: {line: 5, col: 3}});
	t.deepEqual(findPath(yaml, 0, ['nothing']), {exact: null, nearest: {line: 2, col: 1}});
});

test('merge keys are followed; documents are counted from 0', t => {
	t.deepEqual(findPath(yaml, 0, ['merged', 'port']).exact, {line: 8, col: 21});
	t.deepEqual(documentStart(yaml, 1), {line: 13, col: 1});
	t.deepEqual(findPath(yaml, 1, ['second']).exact, {line: 13, col: 9});
});
