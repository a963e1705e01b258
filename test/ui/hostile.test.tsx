/** @jsxRuntime automatic */
// Text from manifests is untrusted (cf. kubectl's CVE-2021-25743): escape sequences in
// annotations and images must never reach the terminal raw, through any pane or overlay.

import test from 'ava';
import {RAW_CONTROL} from '../control-chars.js';
import {KEYS, openScreen} from './helpers.js';

// Colour is off in these screens, so any ESC, BEL or C1 byte in a frame came from the input.

test('escape sequences in annotations and images never reach the screen raw', async t => {
	const s = await openScreen('test/fixtures/hostile/escapes.yaml');
	t.teardown(() => s.unmount());
	const frames = [s.frame()];
	for (const line of ['describe svc web', 'get pods -o wide', 'get pods web-1 -o yaml', 'get svc web -o json']) {
		frames.push(await s.press(':', ...line.split(''), KEYS.enter));
		frames.push(await s.press(KEYS.esc));
	}
	for (const frame of frames) t.false(RAW_CONTROL.test(frame), JSON.stringify(frame.match(RAW_CONTROL)));
	const describe = frames[1]!;
	t.regex(describe, /note: \^\[\]0;pwned\^G\^\[\[2J\^\[\[31mred\\x9b31m/, 'shown, escaped (caret notation)');
	// -o yaml escapes it the YAML way, inside a double-quoted string.
	t.true(frames[5]!.includes('image: "nginx\\e[2J:1.27"'));
});
