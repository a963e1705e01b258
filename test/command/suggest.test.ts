import test from 'ava';
import {suggest} from '../../source/command/suggest.js';

const NAMES = ['get', 'describe', 'delete', 'crash', 'scale', 'label', 'probe', 'curl', 'nslookup', 'wait', 'help'];

test('near misses within two edits are suggested', t => {
	t.deepEqual(suggest('gte', NAMES), ['get']);
	t.deepEqual(suggest('dlete', NAMES), ['delete']);
	t.deepEqual(suggest('CURL', NAMES), ['curl']);
});

test('a prefix is suggested', t => {
	t.deepEqual(suggest('desc', NAMES), ['describe']);
	t.deepEqual(suggest('ns', NAMES), ['nslookup']);
});

test('far words get nothing', t => {
	t.deepEqual(suggest('foo', NAMES), []);
	t.deepEqual(suggest('', NAMES), []);
});
