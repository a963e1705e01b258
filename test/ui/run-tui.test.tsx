// Starting the TUI: load warnings go to the request log, not to stderr, where they would land
// behind the alternate screen (issue 10, problem 4).

import test from 'ava';
import {logLines} from '../../source/ui/log-lines.js';
import {startModel} from '../../source/ui/run-tui.js';
import {loadState} from './helpers.js';

const WARNING = 'svc.yaml:8:7: warning: unknown field "spec.ports[0].targetport"';

test('load warnings and the skipped line open the request log, in the order they came, whole', t => {
	const model = startModel(loadState('samples/hello.yaml'), [WARNING, 'skipped: 1 ConfigMap']);
	t.deepEqual(
		model.log.map(e => (e.kind === 'message' ? e.text : e.kind)),
		[WARNING, 'skipped: 1 ConfigMap'],
	);
	// At 80 columns the log pane holds 77: the warning wraps between words rather than being cut.
	t.deepEqual(
		logLines(model.log, 50).map(l => l.text),
		['00:00.0 svc.yaml:8:7: warning: unknown field', '        "spec.ports[0].targetport"', '00:00.0 skipped: 1 ConfigMap'],
	);
});

test('no notices: the ordinary first model', t => {
	const state = loadState('samples/hello.yaml');
	t.deepEqual(startModel(state).log, []);
});

test('notices are untrusted text: control characters are escaped', t => {
	const [entry] = startModel(loadState('samples/hello.yaml'), ['bad\u001b[2Jname.yaml: warning']).log;
	t.is(entry?.kind === 'message' ? entry.text : '', 'bad^[[2Jname.yaml: warning');
});
