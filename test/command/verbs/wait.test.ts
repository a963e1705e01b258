import test from 'ava';
import {actions, fails, parses} from '../macros.js';

const USAGE = 'Usage: wait DURATION (e.g. 5s, 2m, 1m30s, 500ms)';

test(parses, 'wait 5s', actions({type: 'clockAdvanced', ms: 5000}));
test(parses, 'wait 2m', actions({type: 'clockAdvanced', ms: 120_000}));
test(parses, 'wait 1h', actions({type: 'clockAdvanced', ms: 3_600_000}));
test(parses, 'wait 1m30s', actions({type: 'clockAdvanced', ms: 90_000}));
test(parses, 'wait 500ms', actions({type: 'clockAdvanced', ms: 500}));
test(parses, 'wait 1.5s', actions({type: 'clockAdvanced', ms: 1500}));
test(parses, 'wait 0', actions({type: 'clockAdvanced', ms: 0}));

test(fails, 'wait', `error: wait needs a DURATION. ${USAGE}`);
test(fails, 'wait 5x', 'error: invalid duration "5x"');
test(fails, 'wait 5', 'error: invalid duration "5"');
test(fails, 'wait -- -5s', 'error: invalid duration "-5s"');
test(fails, 'wait 5s 10s', `error: unexpected argument "10s". ${USAGE}`);
test(fails, 'wait -5s', "error: unknown shorthand flag: '5' in -5s");
