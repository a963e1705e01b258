// Palette Tab completion, as a shell completes (bash manual, "Commands for Completion": the
// common part of the matches is inserted; with several, they are listed), from the command
// grammar (the verbs and flags of source/command/verbs/*.ts), the kinds' words as kubectl accepts
// them (plural, singular, short name: `pods`, `pod`, `po`; kubectl api-resources' SHORTNAMES) and
// the objects of test/fixtures/tui/complete.yaml (pods alpha and alpine and Services web and
// web-admin in default; pod basket, Service cart and Deployment frontend in shop).

import test from 'ava';
import {execute} from '../../source/session/execute.js';
import {complete} from '../../source/ui/complete.js';
import {loadState} from './helpers.js';

const state = loadState('test/fixtures/tui/complete.yaml');

/** Tab at the `|` (the end when there is none): the line after it, with its cursor, and the list. */
function tab(marked: string, s = state): {line: string; list: string[]} {
	const bar = marked.indexOf('|');
	const cursor = bar === -1 ? marked.length : bar;
	const text = bar === -1 ? marked : marked.slice(0, bar) + marked.slice(bar + 1);
	const done = complete(s, {text, cursor});
	return {line: `${done.line.text.slice(0, done.line.cursor)}|${done.line.text.slice(done.line.cursor)}`, list: done.candidates};
}

test('verbs: one match is completed with a space after it; several are listed, their common part inserted', t => {
	t.deepEqual(tab('g'), {line: 'get |', list: []});
	t.deepEqual(tab('de'), {line: 'de|', list: ['describe', 'delete']});
	t.deepEqual(tab('sc'), {line: 'scale |', list: []});
	t.deepEqual(tab('kubectl ge'), {line: 'kubectl get |', list: []});
	t.deepEqual(tab(''), {line: '|', list: ['get', 'describe', 'delete', 'crash', 'scale', 'label', 'probe', 'curl', 'nslookup', 'wait', 'help', 'quit']});
	// The palette's own word: quit, as k9s's :q.
	t.deepEqual(tab('qu'), {line: 'quit |', list: []});
	t.deepEqual(tab('zz'), {line: 'zz|', list: []}, 'no match: nothing changes');
});

test('kinds: the word typed when it is one of the kind’s, else its first fitting word; each kind once', t => {
	t.deepEqual(tab('get po'), {line: 'get po |', list: []});
	t.deepEqual(tab('get sv'), {line: 'get svc |', list: []});
	t.deepEqual(tab('get deploym'), {line: 'get deployments |', list: []});
	t.deepEqual(tab('get no'), {line: 'get no |', list: []});
	t.deepEqual(tab('get s'), {line: 'get s|', list: ['services', 'statefulsets']});
	// Endpoints' singular is `endpoints` too (kubectl api-resources), so `endpoint` is no word of it.
	t.deepEqual(tab('get endpoint'), {line: 'get endpoints|', list: ['endpoints', 'endpointslices']});
	t.deepEqual(tab('get n'), {line: 'get n|', list: ['nodes', 'namespaces']});
	// kubectl matches type words in any case (RESTMapper).
	t.deepEqual(tab('get PO'), {line: 'get po |', list: []});
	// A verb takes the kinds its usage line names: scale rc|rs|deploy|sts, delete pod|node.
	t.deepEqual(tab('scale '), {line: 'scale |', list: ['deployments', 'replicasets', 'replicationcontrollers', 'statefulsets']});
	t.deepEqual(tab('delete '), {line: 'delete |', list: ['pods', 'nodes']});
	t.deepEqual(tab('crash p'), {line: 'crash pods |', list: []});
});

test('names of the kind, in the namespace -n names (default without one), wherever -n stands', t => {
	t.deepEqual(tab('get pods al'), {line: 'get pods alp|', list: ['alpha', 'alpine']});
	t.deepEqual(tab('get pods alph'), {line: 'get pods alpha |', list: []});
	t.deepEqual(tab('get pods b'), {line: 'get pods b|', list: []}, 'basket is in shop');
	t.deepEqual(tab('get pods -n shop b'), {line: 'get pods -n shop basket |', list: []});
	t.deepEqual(tab('get pods --namespace=shop b'), {line: 'get pods --namespace=shop basket |', list: []});
	t.deepEqual(tab('-n shop get svc '), {line: '-n shop get svc cart |', list: []});
	// -n after the cursor counts too; the space already there is not doubled.
	t.deepEqual(tab('get pods b| -n shop'), {line: 'get pods basket| -n shop', list: []});
	// -A: every namespace's (the cluster's own CoreDNS pods in kube-system too), each name once.
	const everywhere = tab('get pods -A ');
	t.is(everywhere.line, 'get pods -A |');
	t.deepEqual(everywhere.list.slice(0, 3), ['alpha', 'alpine', 'basket']);
	t.true(everywhere.list.slice(3).length > 0 && everywhere.list.slice(3).every(n => n.startsWith('coredns-')), everywhere.list.join(' '));
	t.deepEqual(tab('describe svc web'), {line: 'describe svc web|', list: ['web', 'web-admin']});
	t.deepEqual(tab('scale deploy -n shop '), {line: 'scale deploy -n shop frontend |', list: []});
	// scale, label, probe and crash take one name; get takes several.
	t.deepEqual(tab('scale deploy frontend -n shop '), {line: 'scale deploy frontend -n shop |', list: []});
	t.deepEqual(tab('get pods alpha alpi'), {line: 'get pods alpha alpine |', list: []});
});

test('TYPE/NAME: names after the slash, in the type typed', t => {
	t.deepEqual(tab('get po/al'), {line: 'get po/alp|', list: ['po/alpha', 'po/alpine']});
	t.deepEqual(tab('describe svc/web-'), {line: 'describe svc/web-admin |', list: []});
	t.deepEqual(tab('get svc/web po/alph'), {line: 'get svc/web po/alpha |', list: []});
	t.deepEqual(tab('get nope/a'), {line: 'get nope/a|', list: []});
});

test('namespaces after -n and --namespace=', t => {
	t.deepEqual(tab('get pods -n sh'), {line: 'get pods -n shop |', list: []});
	t.deepEqual(tab('get pods --namespace st'), {line: 'get pods --namespace staging |', list: []});
	t.deepEqual(tab('get pods --namespace=st'), {line: 'get pods --namespace=staging |', list: []});
	const all = tab('get pods -n ').list;
	t.true(all.includes('default') && all.includes('shop') && all.includes('staging'), all.join(' '));
	t.deepEqual(tab('get pods -n s'), {line: 'get pods -n s|', list: ['shop', 'staging']});
});

test('flags of the verb (`=` after a flag that takes a value, no space), and -o values', t => {
	t.deepEqual(tab('scale deploy frontend --r'), {line: 'scale deploy frontend --replicas=|', list: []});
	t.deepEqual(tab('label pod alpha a=b --ov'), {line: 'label pod alpha a=b --overwrite |', list: []});
	t.deepEqual(tab('get pods --all'), {line: 'get pods --all-namespaces |', list: []});
	t.deepEqual(tab('get pods -o y'), {line: 'get pods -o yaml |', list: []});
	t.deepEqual(tab('get pods -o '), {
		line: 'get pods -o |',
		list: ['custom-columns=', 'json', 'jsonpath=', 'jsonpath-as-json=', 'name', 'wide', 'yaml'],
	});
	t.deepEqual(tab('get pods -o j'), {line: 'get pods -o json|', list: ['json', 'jsonpath=', 'jsonpath-as-json=']});
	t.deepEqual(tab('get pods --output=w'), {line: 'get pods --output=wide |', list: []});
	t.deepEqual(tab('describe pod alpha -o '), {line: 'describe pod alpha -o json |', list: []});
	t.deepEqual(tab('nslookup web --type S'), {line: 'nslookup web --type SRV |', list: []});
	// scale knows no --all-namespaces.
	t.deepEqual(tab('scale deploy frontend --al'), {line: 'scale deploy frontend --al|', list: []});
});

test('fixed words: probe’s fail|pass, help’s topics', t => {
	t.deepEqual(tab('probe pod alpha '), {line: 'probe pod alpha |', list: ['fail', 'pass']});
	t.deepEqual(tab('probe pod alpha f'), {line: 'probe pod alpha fail |', list: []});
	t.deepEqual(tab('help nsl'), {line: 'help nslookup |', list: []});
});

test('completes the word at the cursor, mid-line, and keeps the rest of the line', t => {
	t.deepEqual(tab('get sv| -n shop'), {line: 'get svc| -n shop', list: []});
	t.deepEqual(tab('g| pods'), {line: 'get| pods', list: []});
});

test('a long list is bounded; the total says how many matched', t => {
	const scaled = execute(state, 'scale deploy frontend --replicas=150 -n shop');
	t.true(scaled.ok);
	const done = complete(scaled.state, {text: 'get pods -n shop frontend-', cursor: 'get pods -n shop frontend-'.length});
	t.is(done.total, 150);
	t.is(done.candidates.length, 100);
});
