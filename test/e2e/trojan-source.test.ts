// Issue 11, "Terminal and files": bidi overrides, isolates, zero-width and line-separator
// characters (Trojan Source, CVE-2021-42574) in annotations, an image and a client name never
// reach the terminal raw, whatever prints them: describe, wide tables, custom-columns, jsonpath,
// events, error messages. kubectl escapes only ESC and CR (cli-runtime pkg/printers/terminal.go);
// here every character the command tokenizer refuses is shown as Go's %q spells it (`\u202e`).
// -o json and -o yaml escape them in their own syntax and still read back to the same strings.

import test from 'ava';
import {parse} from 'yaml';
import {cli, STACK} from './spawn-cli.js';

const FIXTURE = 'test/fixtures/cli/bidi.yaml';
/** Written out here, independently of source/view/sanitize.ts: the Trojan Source set, BOM, separators, C1. */
const RAW_FORMAT = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff\u2028\u2029\u061c\u0085]/u;

const OWNER = 'admin\u202e\u2066txt.exe\u2069\u202c';
const HIDDEN = 'a\u200bb\u200dc\u200fd\ufeffe';
const IMAGE = 'nginx\u202e:1.27\u2028x\u2029y';
const NOTE = '\u202aleft\u202bright\u202dlro\u2067rli\u2068fsi\u0085nel\u061c';

const lines = (text: string) => text.split('\n').filter(l => l !== '');

async function run(script: string[]) {
	const r = await cli([FIXTURE, '--script', '-'], `${script.join('\n')}\n`);
	return {...r, out: lines(r.stdout)};
}

test('describe: annotations and images show their bidi and zero-width characters as \\u escapes', async t => {
	const r = await run(['describe svc web', 'describe deploy web', 'describe pod']);
	t.is(r.code, 0, r.stderr);
	t.false(RAW_FORMAT.test(r.stdout), JSON.stringify(r.stdout.match(RAW_FORMAT)));
	t.false(STACK.test(r.stderr));
	t.true(r.out.includes(String.raw`Annotations:              note: \u202aleft\u202bright\u202dlro\u2067rli\u2068fsi\x85nel\u061c`), r.stdout);
	t.true(r.out.includes(String.raw`Annotations:            owner: admin\u202e\u2066txt.exe\u2069\u202c`), r.stdout);
	t.true(r.out.includes(String.raw`  Annotations:  hidden: a\u200bb\u200dc\u200fd\ufeffe`), r.stdout);
	t.true(r.out.includes(String.raw`    Image:         nginx\u202e:1.27\u2028x\u2029y`), r.stdout);
	// The pod's events quote the image (kubelet's "Container image … already present").
	t.true(r.out.some(l => l.endsWith(String.raw`Container image "nginx\u202e:1.27\u2028x\u2029y" already present on machine and can be accessed by the pod`)));
});

test('wide tables, custom-columns, jsonpath and events escape them too', async t => {
	const r = await run([
		'get deploy -o wide',
		'get svc web -o custom-columns=NAME:.metadata.name,NOTE:.metadata.annotations',
		'get deploy web -o jsonpath={.metadata.annotations.owner}',
		'get events --field-selector reason=Pulled',
	]);
	t.is(r.code, 0, r.stderr);
	t.false(RAW_FORMAT.test(r.stdout), JSON.stringify(r.stdout.match(RAW_FORMAT)));
	t.deepEqual(r.out.slice(0, 6), [
		'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES                           SELECTOR',
		String.raw`web    1/1     1            1           0s    web          nginx\u202e:1.27\u2028x\u2029y   app=web`,
		'NAME   NOTE',
		String.raw`web    map[note:\u202aleft\u202bright\u202dlro\u2067rli\u2068fsi\x85nel\u061c]`,
		String.raw`admin\u202e\u2066txt.exe\u2069\u202c`,
		'LAST SEEN   TYPE     REASON   OBJECT                    MESSAGE',
	]);
	t.regex(r.out[6] ?? '', /^0s {10}Normal {3}Pulled {3}pod\/web-[a-z0-9]+-[a-z0-9]{5} {3}Container image "nginx\\u202e:1\.27\\u2028x\\u2029y" already present/);
});

test('-o json and -o yaml stay valid and read back to the very strings the manifest holds', async t => {
	const [asJson, asYaml] = [await run(['get deploy web -o json']), await run(['get deploy web -o yaml'])];
	for (const r of [asJson, asYaml]) {
		t.is(r.code, 0, r.stderr);
		t.false(RAW_FORMAT.test(r.stdout), JSON.stringify(r.stdout.match(RAW_FORMAT)));
	}
	const json = asJson.stdout;
	const yaml = asYaml.out;
	t.true(json.includes(String.raw`"owner": "admin\u202e\u2066txt.exe\u2069\u202c"`), json);
	type Deployment = {
		metadata: {annotations: {owner: string}};
		spec: {template: {metadata: {annotations: {hidden: string}}; spec: {containers: Array<{image: string}>}}};
	};
	for (const object of [JSON.parse(json) as Deployment, parse(yaml.join('\n')) as Deployment]) {
		t.is(object.metadata.annotations.owner, OWNER);
		t.is(object.spec.template.metadata.annotations.hidden, HIDDEN);
		t.is(object.spec.template.spec.containers[0]?.image, IMAGE);
	}
	t.true(yaml.includes(String.raw`    owner: "admin\u202e\u2066txt.exe\u2069\u202c"`), yaml.join('\n'));
});

test('-o json of the Service keeps a C1 character and the bidi set as JSON escapes', async t => {
	const r = await run(['get svc web -o json']);
	t.is(r.code, 0, r.stderr);
	t.is((JSON.parse(r.stdout) as {metadata: {annotations: {note: string}}}).metadata.annotations.note, NOTE);
	t.true(r.stdout.includes(String.raw`"note": "\u202aleft\u202bright\u202dlro\u2067rli\u2068fsi\u0085nel\u061c"`));
});

test('an error naming a client escapes the bidi override in the known clients (exit 1)', async t => {
	const r = await run(['curl web --from laptop']);
	t.is(r.code, 1);
	t.is(r.stdout, '');
	t.deepEqual(r.stderr.split('\n'), [String.raw`<stdin>:1: error: unknown client "laptop" (known: pod/NAME, node/NAME, external, lap\u202etop)`, '']);
});
