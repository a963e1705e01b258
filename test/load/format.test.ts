import test from 'ava';
import {formatDiagnostic, formatSkipped} from '../../source/load/index.js';

test('formatDiagnostic: errors, warnings, whole-file problems', t => {
	t.is(formatDiagnostic({file: 'a.yaml', line: 3, col: 7, severity: 'error', message: 'boom'}), 'a.yaml:3:7: boom');
	t.is(formatDiagnostic({file: 'a.yaml', line: 3, col: 7, severity: 'warning', message: 'hm'}), 'a.yaml:3:7: warning: hm');
	t.is(formatDiagnostic({file: 'nope.yaml', line: 0, col: 0, severity: 'error', message: 'no such file or directory'}), 'nope.yaml: no such file or directory');
	t.is(formatDiagnostic({file: '', line: 0, col: 0, severity: 'error', message: 'x'}), 'x');
	t.is(formatDiagnostic({file: 'a\u001b.yaml', line: 1, col: 1, severity: 'error', message: 'm\u009b'}), 'a\\x1b.yaml:1:1: m\\u009b');
});

test('formatSkipped: count descending, then kind; null when nothing was skipped', t => {
	t.is(formatSkipped({ConfigMap: 1, ServiceAccount: 11, Role: 1}), 'skipped: 11 ServiceAccount, 1 ConfigMap, 1 Role');
	t.is(formatSkipped({}), null);
});

test('formatSkipped cuts a kind of a megabyte as goQuote cuts values', t => {
	const kind = 'K'.repeat(1 << 20);
	t.is(formatSkipped({[kind]: 1}), `skipped: 1 ${'K'.repeat(64)}... (1048576 characters)`);
});
