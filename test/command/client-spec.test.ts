import test from 'ava';
import {parseClientSpec} from '../../source/command/client-spec.js';

test('no --from: the default in-cluster client of the namespace', t => {
	t.deepEqual(parseClientSpec(undefined, 'web'), {ok: true, from: {kind: 'default', namespace: 'web'}});
});

test('pod/NAME is a pod in the namespace', t => {
	t.deepEqual(parseClientSpec('pod/client-0', 'web'), {ok: true, from: {kind: 'pod', name: 'client-0', namespace: 'web'}});
	t.deepEqual(parseClientSpec('po/x', 'default'), {ok: true, from: {kind: 'pod', name: 'x', namespace: 'default'}});
	t.deepEqual(parseClientSpec('pods/x', 'default'), {ok: true, from: {kind: 'pod', name: 'x', namespace: 'default'}});
});

test('node/NAME is a node', t => {
	t.deepEqual(parseClientSpec('node/node-2', 'web'), {ok: true, from: {kind: 'node', name: 'node-2'}});
	t.deepEqual(parseClientSpec('no/node-2', 'web'), {ok: true, from: {kind: 'node', name: 'node-2'}});
});

test('external is an anonymous outside client, any other word a named one', t => {
	t.deepEqual(parseClientSpec('external', 'web'), {ok: true, from: {kind: 'external'}});
	t.deepEqual(parseClientSpec('laptop', 'web'), {ok: true, from: {kind: 'external', name: 'laptop'}});
});

test('anything else is refused', t => {
	const message = (from: string) => `error: invalid --from ${from}: use pod/NAME, node/NAME, external, or an external client's name`;
	t.deepEqual(parseClientSpec('svc/x', 'web'), {ok: false, error: message('"svc/x"')});
	t.deepEqual(parseClientSpec('foo/x', 'web'), {ok: false, error: message('"foo/x"')});
	t.deepEqual(parseClientSpec('pod/', 'web'), {ok: false, error: message('"pod/"')});
	t.deepEqual(parseClientSpec('pod/a/b', 'web'), {ok: false, error: message('"pod/a/b"')});
	t.deepEqual(parseClientSpec('', 'web'), {ok: false, error: message('""')});
});
