// `e` (source/ui/edit-object.ts): kubectl edit's loop. The object's YAML goes to $EDITOR (here a
// script that edits the file as a person would), the terminal is handed over and taken back around
// it, and a saved change becomes the apply line; no change, an emptied file or a failing editor
// change nothing, in kubectl's words.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import {editObject} from '../../source/ui/edit-object.js';
import {initialModel} from '../../source/ui/model.js';
import {loadState} from './helpers.js';

const model = initialModel(loadState('samples/hello.yaml'));

function editorScript(body: string): {env: NodeJS.ProcessEnv; done: () => void} {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'editor-'));
	const script = path.join(folder, 'edit.sh');
	fs.writeFileSync(script, `#!/bin/sh\n${body}\n`, {mode: 0o755});
	return {env: {EDITOR: script}, done: () => fs.rmSync(folder, {recursive: true, force: true})};
}

const terminal = () => {
	const calls: string[] = [];
	return {calls, release: () => calls.push('release'), reclaim: () => calls.push('reclaim')};
};

test('a saved change is applied: the line names the edited file, which holds the object as get -o yaml prints it, changed', t => {
	const editor = editorScript(`sed -i 's/app: hello-node$/app: hello-nod/' "$1"`);
	const term = terminal();
	const action = editObject(model, 'service hello-node-svc -n default', term, editor.env);
	editor.done();
	t.deepEqual(term.calls, ['release', 'reclaim'], 'the terminal handed over, then taken back');
	if (action.type !== 'run') throw new Error(JSON.stringify(action));
	t.true(action.show);
	const file = /^apply -f (\S+)$/.exec(action.line)?.[1] ?? '';
	const text = fs.readFileSync(file, 'utf8');
	t.regex(text, /^# k8s-svc-tui: save to apply/);
	t.true(text.includes('kind: Service\n'));
	t.true(text.includes('app: hello-nod\n'));
	t.regex(text, /clusterIP: 10\.108\.246\.108/);
	fs.rmSync(path.dirname(file), {recursive: true, force: true});
});

test('unchanged, emptied, or the editor failing: nothing is applied, and the status says why', t => {
	for (const body of ['true', ': > "$1"']) {
		const editor = editorScript(body);
		t.deepEqual(editObject(model, 'service hello-node-svc -n default', terminal(), editor.env), {
			type: 'status',
			text: 'Edit cancelled, no changes made.',
			error: false,
		});
		editor.done();
	}
	const failing = editorScript('exit 3');
	const action = editObject(model, 'service hello-node-svc -n default', terminal(), failing.env);
	failing.done();
	t.like(action, {type: 'status', error: true});
	t.regex(action.type === 'status' ? action.text : '', /^error: there was a problem with the editor "/);
	t.like(editObject(model, 'service nope -n default', terminal(), {EDITOR: 'true'}), {
		type: 'status',
		error: true,
		text: 'Error from server (NotFound): services "nope" not found',
	});
});
