import test from 'ava';
import {fails, parses} from '../macros.js';

const USAGE = 'Usage: edit svc|netpol NAME [-n NS] [-f EDITED_FILE]';

test(parses, 'edit svc web', {kind: 'edit', ref: 'service web -n default'});
test(parses, 'edit service/web -n shop', {kind: 'edit', ref: 'service web -n shop'});
test(parses, 'edit netpol deny -f edited.yaml', {kind: 'edit', ref: 'networkpolicy deny -n default', file: 'edited.yaml'});
test(fails, 'edit', `error: You must provide one or more resources by argument or filename. ${USAGE}`);
test(fails, 'edit svc', `error: resource(s) were provided, but no name was specified. ${USAGE}`);
test(fails, 'edit deploy web', `error: edit changes Services and NetworkPolicies (what apply changes, so far), not deployments. ${USAGE}`);
test(fails, 'edit svc a b', `error: edit takes one object here. ${USAGE}`);
