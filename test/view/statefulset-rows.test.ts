import test from 'ava';
import {getRow} from '../../source/sim/index.js';
import {type GetOptions, get} from '../../source/view/get.js';
import {withRow} from '../sim/helpers.js';
import {fixtureState} from './fixture-state.js';
import {getOptions, text} from './get-helpers.js';

const options = (extra: Partial<GetOptions> = {}) => getOptions('statefulsets', extra);

test('get sts and -o wide', t => {
	t.is(text(get(fixtureState(), options())), 'NAME   READY   AGE\ndb     2/2     62m');
	t.is(text(get(fixtureState(), options({output: 'wide'}))), 'NAME   READY   AGE   CONTAINERS   IMAGES\ndb     2/2     62m   postgres     postgres:17');
});

test('a not-ready StatefulSet pod lowers READY', t => {
	const state = fixtureState();
	const db1 = getRow(state.pods, 'default/db-1')!;
	const changed = {...state, pods: withRow(state.pods, 'default/db-1', {...db1, ready: false})};
	t.is(text(get(changed, options())), 'NAME   READY   AGE\ndb     1/2     62m');
});

test('StatefulSet object: serviceName and status', t => {
	const result = get(fixtureState(), options({name: 'db', output: 'json'}));
	if (!result.ok) return t.fail(result.error);
	t.like(result.json as object, {
		apiVersion: 'apps/v1',
		kind: 'StatefulSet',
		spec: {replicas: 2, serviceName: 'db', selector: {matchLabels: {app: 'db'}}},
		status: {replicas: 2, readyReplicas: 2, availableReplicas: 2},
	});
	t.deepEqual(get(fixtureState(), options({name: 'x'})), {ok: false, error: 'Error from server (NotFound): statefulsets.apps "x" not found'});
});
