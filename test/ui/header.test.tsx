/** @jsxRuntime automatic */
// The header at each width: the clock always shows, and the counts are what `get` counts for the
// same state; where the line is short the app's own name goes first, then the proxy mode, then
// the counts take kubectl's short names, and only then is any count cut (issue 10 #8: at 80×24
// the cut hid the pod count).

import test from 'ava';
import {render} from 'ink-testing-library';
import {Header} from '../../source/ui/header.js';
import {initialModel} from '../../source/ui/model.js';
import {ThemeContext} from '../../source/ui/theme.js';
import {loadState} from './helpers.js';

const model = initialModel(loadState('samples/hello.yaml'));

function header(width: number, title = 'hello.yaml'): string {
	const {lastFrame, unmount} = render(
		<ThemeContext.Provider value={{color: false}}>
			<Header model={model} width={width} title={title} />
		</ThemeContext.Provider>,
	);
	const frame = lastFrame() ?? '';
	unmount();
	return frame;
}

test('wide: the app, the file, every count and the proxy mode, then the clock', t => {
	t.regex(header(120), /^k8s-svc-tui · hello\.yaml · 3 nodes · 3 services · 5 pods · iptables +▶ running 1× · t=00:00\.0$/);
});

test('at 80 columns the app name gives way and every count stays whole', t => {
	t.regex(header(80), /^hello\.yaml · 3 nodes · 3 services · 5 pods · iptables +▶ running 1× · t=00:00\.0$/);
});

test("narrower still: kubectl's short names, then the proxy mode goes; only then is the line cut, never the clock", t => {
	t.regex(header(72), /^hello\.yaml · 3 no · 3 svc · 5 po · iptables +▶ running 1× · t=00:00\.0$/);
	t.regex(header(60), /^hello\.yaml · 3 no · 3 svc · 5 po +▶ running 1× · t=00:00\.0$/);
	t.regex(header(50), /^hello\.yaml · 3 no · 3 sv… ▶ running 1× · t=00:00\.0$/);
});

test('a long file name is cut before the proxy mode goes (issue 10: at 80 columns the mode vanished behind the name)', t => {
	const long = (width: number) => header(width, 'ingress-nginx-cloud-deploy-with-admission.yaml');
	t.regex(long(80), /^ingress-nginx-cloud-d… · 3 no · 3 svc · 5 po · iptables +▶ running 1× · t=00:00\.0$/);
	t.regex(long(120), /^ingress-nginx-cloud-deploy-with-admission\.yaml · 3 nodes · 3 services · 5 pods · iptables +▶ running/);
});
