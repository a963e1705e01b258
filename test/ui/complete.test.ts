// Palette Tab completion, as a shell completes (bash manual, "Commands for Completion": the
// common part of the matches is inserted; with several, they are listed), from the command
// grammar (the verbs and flags of source/command/verbs/*.ts), the kinds' words as kubectl accepts
// them (plural, singular, short name: `pods`, `pod`, `po`; kubectl api-resources' SHORTNAMES) and
// the objects of test/fixtures/tui/complete.yaml (pods alpha and alpine and Services web and
// web-admin in default; pod basket, Service cart and Deployment frontend in shop), and for curl's
// and nslookup's targets the samples with a headless Service (headless.yaml: nginx, StatefulSet
// web), a load balancer and an outside client (loadbalancer.yaml), two ports (multiport.yaml) and
// a headless Service whose pods serve another port than its own (tui/complete-headless.yaml).
// What a target completes to is checked against the simulator itself: every name offered
// resolves, every address offered is routed.

import test from 'ava';
import {execute} from '../../source/session/execute.js';
import type {State} from '../../source/sim/index.js';
import {complete} from '../../source/ui/complete.js';
import {loadState} from './helpers.js';

const state = loadState('test/fixtures/tui/complete.yaml');
const headless = loadState('samples/headless.yaml');
const loadBalancer = loadState('samples/loadbalancer.yaml');
const multiport = loadState('samples/multiport.yaml');

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
	t.deepEqual(tab(''), {
		line: '|',
		list: [
			'get',
			'describe',
			'apply',
			'create',
			'edit',
			'delete',
			'crash',
			'scale',
			'label',
			'probe',
			'curl',
			'nslookup',
			'wait',
			'expect',
			'undo',
			'help',
			'quit',
		],
	});
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
	t.deepEqual(tab('get n'), {line: 'get n|', list: ['nodes', 'namespaces', 'networkpolicies']});
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

/** What the simulator answers to `nslookup NAME` (`rcode` and the A records' addresses). */
function lookup(s: State, name: string): {rcode: string; addresses: string[]} {
	const result = execute(s, `nslookup ${name}`).steps?.[0]?.result;
	if (result?.kind !== 'dns') return {rcode: 'none', addresses: []};
	return {rcode: result.result.rcode, addresses: result.result.answers.flatMap(a => (a.type === 'A' ? [a.data] : []))};
}

/** How `curl TARGET` (from `-n`'s default client) fares: the Service it reached and the outcome. */
function reach(s: State, target: string): string {
	const result = execute(s, `curl ${target}`).steps?.[0]?.result;
	if (result?.kind !== 'requests') return 'no requests';
	const [trace] = result.requests;
	return `${trace?.service ?? '-'} ${trace?.outcome ?? '-'}`;
}

test('curl and nslookup TARGET: each Service once, in the shortest name a client in -n resolves; a dot brings the longer forms (search path, sim/dns.ts)', t => {
	// The cluster's own Services (kubernetes, kube-dns in kube-system) are Services too.
	t.deepEqual(tab('curl '), {line: 'curl |', list: ['kubernetes', 'web', 'web-admin', 'kube-dns.kube-system', 'cart.shop']});
	t.deepEqual(tab('curl w'), {line: 'curl web|', list: ['web', 'web-admin']});
	t.deepEqual(tab('curl car'), {line: 'curl cart.shop |', list: []}, 'another namespace: with it');
	t.deepEqual(tab('curl -n shop car'), {line: 'curl -n shop cart |', list: []}, 'in -n: bare');
	t.deepEqual(tab('curl -n shop web-'), {line: 'curl -n shop web-admin.default |', list: []});
	const longer = tab('nslookup web.');
	t.deepEqual(longer, {line: 'nslookup web.default|', list: ['web.default', 'web.default.svc', 'web.default.svc.cluster.local']});
	t.deepEqual(tab('nslookup web.default.svc.'), {line: 'nslookup web.default.svc.cluster.local |', list: []});
	t.deepEqual(tab('curl CA'), {line: 'curl cart.shop |', list: []}, 'DNS names are case-insensitive');
	t.deepEqual(tab('curl http://we'), {line: 'curl http://web|', list: ['http://web', 'http://web-admin']}, 'after a URL scheme');
	t.deepEqual(tab('curl web '), {line: 'curl web |', list: []}, 'one TARGET');
	// Every name offered is one the simulator's DNS answers, with web's ClusterIP.
	const {addresses} = lookup(state, 'web.default.svc.cluster.local');
	t.is(addresses.length, 1);
	for (const name of ['web', ...longer.list]) t.deepEqual(lookup(state, name), {rcode: 'NOERROR', addresses}, name);
	t.is(lookup(state, 'web.svc').rcode, 'NXDOMAIN', 'the check tells a wrong form apart');
	for (const name of tab('curl ').list) t.is(lookup(state, name).rcode, 'NOERROR', name);
});

test('curl and nslookup TARGET: a headless Service’s pods by hostname when no Service fits, or after a dot; SRV names after an underscore', t => {
	t.deepEqual(tab('nslookup web-', headless), {line: 'nslookup web-|', list: ['web-0.nginx', 'web-1.nginx', 'web-2.nginx']});
	t.deepEqual(tab('curl ', headless).list, ['kubernetes', 'nginx', 'kube-dns.kube-system'], 'Services that fit come alone');
	t.deepEqual(tab('curl ngi', headless), {line: 'curl nginx |', list: []});
	t.deepEqual(tab('nslookup nginx.', headless), {
		line: 'nslookup nginx.default|',
		list: ['nginx.default', 'nginx.default.svc', 'nginx.default.svc.cluster.local'],
	});
	const pod = tab('nslookup web-0.nginx.', headless);
	t.deepEqual(pod, {line: 'nslookup web-0.nginx.default|', list: ['web-0.nginx.default', 'web-0.nginx.default.svc', 'web-0.nginx.default.svc.cluster.local']});
	const web0 = lookup(headless, 'web-0.nginx');
	t.is(web0.addresses.length, 1);
	for (const name of pod.list) t.deepEqual(lookup(headless, name), web0, name);
	t.deepEqual(tab('nslookup _w', headless), {line: 'nslookup _web._tcp.nginx |', list: []});
	t.deepEqual(tab('nslookup _web._tcp.nginx.', headless).list, [
		'_web._tcp.nginx.default',
		'_web._tcp.nginx.default.svc',
		'_web._tcp.nginx.default.svc.cluster.local',
	]);
	t.deepEqual(tab('curl _w', headless), {line: 'curl _w|', list: []}, 'curl asks for A records only');
});

test('curl HOST: the ports the name answers on (kubectl CompGetServicePorts: SERVICE:PORT)', t => {
	t.deepEqual(tab('curl web:'), {line: 'curl web:80 |', list: []});
	t.deepEqual(tab('curl web-admin.default.svc:'), {line: 'curl web-admin.default.svc:8080 |', list: []});
	t.deepEqual(tab('curl shop:', multiport), {line: 'curl shop:|', list: ['shop:80', 'shop:443']});
	// A headless name leads to the pods, so the ports they serve (its targetPort), not the Service's.
	t.deepEqual(tab('curl web-1.nginx:', headless), {line: 'curl web-1.nginx:80 |', list: []});
	const db = loadState('test/fixtures/tui/complete-headless.yaml');
	t.deepEqual(tab('curl db:', db), {line: 'curl db:5433 |', list: []});
	t.is(reach(db, 'db:5433'), 'default/db ok');
	t.deepEqual(tab('nslookup web:'), {line: 'nslookup web:|', list: []}, 'nslookup takes a name, not a port');
	t.is(reach(state, 'web:80'), 'default/web ok');
	t.is(reach(state, 'web-admin.default.svc:8080'), 'default/web-admin ok');
	for (const target of tab('curl shop:', multiport).list) t.is(reach(multiport, target), 'default/shop ok', target);
});

test('curl ADDRESS: after a digit, the addresses kube-proxy routes (ClusterIP, load balancer, node IP:nodePort; sim/proxy.ts)', t => {
	t.deepEqual(tab('curl 2', loadBalancer), {line: 'curl 203.0.113.|', list: ['203.0.113.100:80', '203.0.113.9:80']});
	t.deepEqual(tab('curl 203.0.113.1', loadBalancer), {line: 'curl 203.0.113.100:80 |', list: []});
	const all = [...tab('curl 1', loadBalancer).list, ...tab('curl 2', loadBalancer).list];
	t.true(
		all.some(a => a.startsWith('192.168.')),
		all.join(' '),
	);
	// Each one reaches a Service (the cluster's kube-dns 53/TCP answers too).
	for (const address of all) t.regex(reach(loadBalancer, address), /^\S+\/\S+ ok$/u, address);
	t.deepEqual(tab('curl 1'), {line: 'curl 10.|', list: tab('curl 10.').list});
	t.true(tab('curl 10.').list.length >= 3, 'kubernetes, kube-dns, web, web-admin, cart');
});

test('--from: the clients client-spec.ts accepts, pods only when they can send', t => {
	t.deepEqual(tab('curl web --from '), {line: 'curl web --from |', list: ['external', 'pod/', 'node/']});
	t.deepEqual(tab('curl web --from ', loadBalancer).list, ['external', 'laptop', 'pod/', 'node/'], 'the outside clients of the Cluster document');
	t.deepEqual(tab('curl web --from l', loadBalancer), {line: 'curl web --from laptop |', list: []});
	t.deepEqual(tab('curl web --from p'), {line: 'curl web --from pod/|', list: []});
	t.deepEqual(tab('curl web --from po/al'), {line: 'curl web --from po/alp|', list: ['po/alpha', 'po/alpine']});
	t.deepEqual(tab('nslookup web --from=node/'), {
		line: 'nslookup web --from=node/node-|',
		list: ['--from=node/node-1', '--from=node/node-2', '--from=node/node-3'],
	});
	t.deepEqual(tab('curl web -n shop --from pod/'), {line: 'curl web -n shop --from pod/basket |', list: []}, 'pods of -n');
	t.deepEqual(tab('curl web --from svc/'), {line: 'curl web --from svc/|', list: []});
	// A crashed pod's containers are down: it cannot send (sim/clients.ts), so it is not offered.
	const crashed = execute(state, 'crash pod alpha');
	t.true(crashed.ok);
	t.deepEqual(tab('curl web --from pod/al', crashed.state), {line: 'curl web --from pod/alpine |', list: []});
	t.false(execute(crashed.state, 'curl web --from pod/alpha').ok);
});

test('flag values glued to the flag, as pflag reads them: -oyaml, -o=yaml, -nNS, -Ao VALUE', t => {
	t.deepEqual(tab('get pods -oy'), {line: 'get pods -oyaml |', list: []});
	t.deepEqual(tab('get pods -o=j'), {line: 'get pods -o=json|', list: ['-o=json', '-o=jsonpath=', '-o=jsonpath-as-json=']});
	t.deepEqual(tab('get pods -ocustom'), {line: 'get pods -ocustom-columns=|', list: []});
	t.deepEqual(tab('get pods -nsh'), {line: 'get pods -nshop |', list: []});
	// -A is boolean, so -Ao's value is the next word; with it counted, the names after come from -n.
	t.deepEqual(tab('get pods -Ao w'), {line: 'get pods -Ao wide |', list: []});
	t.deepEqual(tab('get pods -An shop b'), {line: 'get pods -An shop basket |', list: []});
	t.deepEqual(tab('get pods --output=js'), {line: 'get pods --output=json|', list: ['--output=json', '--output=jsonpath=', '--output=jsonpath-as-json=']});
	t.deepEqual(tab('nslookup web --type=s'), {line: 'nslookup web --type=SRV |', list: []});
});

test('label pod NAME: KEY- for each label the pod has, not yet on the line; probe pod/NAME: fail|pass', t => {
	const labelled = execute(state, 'label pod alpha tier=web').state;
	t.deepEqual(tab('label pod alpha ', labelled), {line: 'label pod alpha |', list: ['app-', 'tier-']});
	t.deepEqual(tab('label pod/alpha t', labelled), {line: 'label pod/alpha tier- |', list: []});
	t.deepEqual(tab('label pod alpha tier=db ', labelled), {line: 'label pod alpha tier=db app- |', list: []});
	t.deepEqual(tab('label pod alpha app- ', labelled), {line: 'label pod alpha app- tier- |', list: []});
	t.deepEqual(tab('label pod -n shop basket '), {line: 'label pod -n shop basket app- |', list: []});
	// What was completed removes the label.
	const removed = execute(labelled, 'label pod alpha tier-');
	t.true(removed.ok);
	t.deepEqual(tab('label pod alpha ', removed.state), {line: 'label pod alpha app- |', list: []});
	t.deepEqual(tab('probe pod/alpha '), {line: 'probe pod/alpha |', list: ['fail', 'pass']});
	t.deepEqual(tab('scale deploy/frontend -n shop '), {line: 'scale deploy/frontend -n shop |', list: []});
});

test('get TYPE,TYPE and names already on the line (kubectl compGetResourceList, cmdutil.Difference)', t => {
	t.deepEqual(tab('get pods,sv'), {line: 'get pods,svc |', list: []});
	t.deepEqual(tab('get pods,s'), {line: 'get pods,s|', list: ['pods,services', 'pods,statefulsets']});
	t.deepEqual(tab('describe pods,sv'), {line: 'describe pods,sv|', list: []}, 'describe takes one type (command/resources.ts)');
	t.deepEqual(tab('get pods alpha '), {line: 'get pods alpha alpine |', list: []});
	t.deepEqual(tab('get po/alpha po/'), {line: 'get po/alpha po/alpine |', list: []});
});

test('--field-selector: the fields the API server selects on for the kind (view/get.ts), after each comma', t => {
	t.deepEqual(tab('get svc --field-selector '), {
		line: 'get svc --field-selector |',
		list: ['metadata.name=', 'metadata.namespace=', 'spec.clusterIP=', 'spec.type='],
	});
	t.deepEqual(tab('get svc --field-selector meta'), {line: 'get svc --field-selector metadata.name|', list: ['metadata.name=', 'metadata.namespace=']});
	t.deepEqual(tab('get pods --field-selector spec.nodeN'), {line: 'get pods --field-selector spec.nodeName=|', list: []});
	t.deepEqual(tab('get pods --field-selector=metadata.name=alpha,metadata.names'), {
		line: 'get pods --field-selector=metadata.name=alpha,metadata.namespace=|',
		list: [],
	});
	t.deepEqual(tab('get ev --field-selector involvedObject.k'), {line: 'get ev --field-selector involvedObject.kind=|', list: []});
	t.deepEqual(tab('get pods --field-selector involvedObject.k'), {line: 'get pods --field-selector involvedObject.k|', list: []}, 'events only');
});
