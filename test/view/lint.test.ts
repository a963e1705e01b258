import test from 'ava';
import {lint} from '../../source/view/lint.js';
import {helloRC, input, service} from '../sim/hello-input.js';
import {boot} from '../sim/helpers.js';

test('a selector that matches no pods is reported at spec.selector', t => {
	const state = boot(input({services: [service('orphan', {selector: {app: 'nothing'}})]}));
	t.deepEqual(lint(state), [
		{
			kind: 'Service',
			namespace: 'default',
			name: 'orphan',
			path: ['spec', 'selector'],
			check: 'no-pods',
			message: 'Service "orphan" selects no pods: no pod in namespace "default" has labels app=nothing, so it has no endpoints and connections are refused',
		},
	]);
});

test('a named targetPort that no selected pod exposes', t => {
	const svc = service('web', {ports: [{name: 'http', protocol: 'TCP', port: 80, targetPort: 'web'}]});
	const [warning] = lint(boot(input({services: [svc]})));
	t.deepEqual(warning!.path, ['spec', 'ports', 0, 'targetPort']);
	t.is(warning!.message, 'Service "web" port "http": no selected pod has a TCP container port named "web", so this port has no endpoints');
});

test('a numeric targetPort no selected container declares', t => {
	const svc = service('web', {ports: [{name: '', protocol: 'TCP', port: 80, targetPort: 9999}]});
	const [warning] = lint(boot(input({services: [svc]})));
	t.regex(warning!.message, /^Service "web" port 80: targetPort 9999 is not declared by any selected container/);
});

test('the seed example is clean', t => {
	t.deepEqual(lint(boot(input({workloads: [helloRC]}))), []);
});
