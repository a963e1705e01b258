import test from 'ava';
import {derivedUid, fnv1a, nameSuffix} from '../../source/view/derived-id.js';
import {apiTimestamp} from '../../source/view/timestamp.js';

test('fnv1a matches the reference 32-bit FNV-1a values', t => {
	t.is(fnv1a(''), 0x811c9dc5);
	t.is(fnv1a('a'), 0xe40c292c);
	t.is(fnv1a('foobar'), 0xbf9cf968);
});

test('name suffixes: 5 characters of the kube alphabet, stable, seed-dependent', t => {
	t.regex(nameSuffix('uid-1/0'), /^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
	t.is(nameSuffix('uid-1/0'), nameSuffix('uid-1/0'));
	t.not(nameSuffix('uid-1/0'), nameSuffix('uid-1/1'));
});

test('derived uids look like v4 UUIDs and are stable', t => {
	const uid = derivedUid('Endpoints/default/x');
	t.regex(uid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	t.is(derivedUid('Endpoints/default/x'), uid);
	t.not(derivedUid('Endpoints/default/y'), uid);
});

test('API timestamps: fixed epoch plus virtual time, whole seconds', t => {
	t.is(apiTimestamp(0), '2026-01-01T00:00:00Z');
	t.is(apiTimestamp(312_999), '2026-01-01T00:05:12Z');
	t.is(apiTimestamp(-1), '2025-12-31T23:59:59Z');
	t.is(apiTimestamp(-12 * 24 * 3600 * 1000), '2025-12-20T00:00:00Z');
});
