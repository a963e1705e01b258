import test from 'ava';
import {DESCRIBE_LAYOUT, formatTable, GET_LAYOUT, tabwrite} from '../../source/view/table.js';

test('kubectl get layout: upper-case headers, widest cell + 3, no padding after the last column', t => {
	t.is(
		formatTable(
			['name', 'endpoints', 'age'],
			[
				['hello-node-svc', '10.244.1.3:8080', '5m'],
				['kubernetes', '192.168.49.2:6443', '12d'],
			],
		),
		['NAME             ENDPOINTS           AGE', 'hello-node-svc   10.244.1.3:8080     5m', 'kubernetes       192.168.49.2:6443   12d'].join('\n'),
	);
});

test('a column is at least 6 wide, padding included (GetNewTabWriter minwidth)', t => {
	t.is(formatTable(['A', 'B'], [['x', 'y']]), 'A     B\nx     y');
});

test('headers keep their inner spaces', t => {
	t.is(formatTable(['nominated node', 'readiness gates'], [['<none>', '<none>']]), 'NOMINATED NODE   READINESS GATES\n<none>           <none>');
});

test('an empty middle cell is padded, an empty last cell adds nothing', t => {
	t.is(formatTable(['name', 'endpoints', 'age'], [['slow', '', '10m']]), 'NAME   ENDPOINTS   AGE\nslow               10m');
	t.is(formatTable(['name', 'x'], [['a', '']]), 'NAME   X\na      ');
});

test('cells are sanitized before widths are measured', t => {
	t.is(formatTable(['name', 'age'], [['a\u001b[2Jb', '1s']]), 'NAME      AGE\na^[[2Jb   1s');
});

test('widths count code points, not UTF-16 units', t => {
	t.is(formatTable(['name', 'age'], [['𝔘nicode', '1s']]), 'NAME      AGE\n𝔘nicode   1s');
});

test('a line with fewer cells ends a column block (describe Events table)', t => {
	const text = tabwrite(
		[['Session Affinity:', 'None'], ['Events:'], ['  Type', 'Reason', 'Age'], ['  ----', '------', '----'], ['  Normal', 'EnsuringLoadBalancer', '10s']],
		DESCRIBE_LAYOUT,
	);
	t.is(
		text,
		[
			'Session Affinity:  None',
			'Events:',
			'  Type    Reason                Age',
			'  ----    ------                ----',
			'  Normal  EnsuringLoadBalancer  10s',
		].join('\n'),
	);
});

test('a column spans only the consecutive lines that have it (describe Port: lines)', t => {
	const text = tabwrite(
		[
			['Port:', 'http', '80/TCP'],
			['TargetPort:', '8080/TCP'],
			['NodePort:', 'http', '31380/TCP'],
		],
		DESCRIBE_LAYOUT,
	);
	t.is(text, ['Port:        http  80/TCP', 'TargetPort:  8080/TCP', 'NodePort:    http  31380/TCP'].join('\n'));
});

test('an empty value after a tab leaves the padding (as kubectl describe prints IP: for ExternalName)', t => {
	t.is(
		tabwrite(
			[
				['IP:', ''],
				['IPs:', '<none>'],
			],
			DESCRIBE_LAYOUT,
		),
		'IP:   \nIPs:  <none>',
	);
});

test('no lines, no text', t => {
	t.is(tabwrite([], GET_LAYOUT), '');
});
