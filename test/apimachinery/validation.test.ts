import test from 'ava';
import {
	isDNS1035Label,
	isDNS1123Label,
	isDNS1123Subdomain,
	isQualifiedName,
	isValidCIDR,
	isValidIP,
	isValidLabelValue,
	isValidPortName,
	specialIPErrors,
} from '../../source/apimachinery/validation.js';

test('DNS-1035 label: message has the two spaces of RegexError (S3)', t => {
	t.deepEqual(isDNS1035Label('web-1'), []);
	t.deepEqual(isDNS1035Label('1svc'), [
		"a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
	]);
	t.is(isDNS1035Label('a'.repeat(64))[0], 'must be no more than 63 characters');
});

test('DNS-1123 label says "must not contain dots" for a subdomain (S7)', t => {
	t.deepEqual(isDNS1123Label('123-abc'), []);
	t.deepEqual(isDNS1123Label('a.b'), ['must not contain dots']);
	t.regex(isDNS1123Label('A')[0]!, /^a lowercase RFC 1123 label must consist/);
});

test('DNS-1123 subdomain (S24)', t => {
	t.deepEqual(isDNS1123Subdomain('db.example.com'), []);
	t.deepEqual(isDNS1123Subdomain('1.2.3.4'), []);
	t.deepEqual(isDNS1123Subdomain('My_DB'), [
		"a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
	]);
});

test('IANA port names: one message per broken rule (S12)', t => {
	t.deepEqual(isValidPortName('http-server'), []);
	t.deepEqual(isValidPortName('8080'), ['must contain at least one letter (a-z)']);
	t.deepEqual(isValidPortName('-a--b-'), ['must not contain consecutive hyphens', 'must not begin or end with a hyphen']);
	t.deepEqual(isValidPortName('Reloader_Web_Port'), [
		'must be no more than 15 characters',
		'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
	]);
});

test('qualified names and label values (S28)', t => {
	t.deepEqual(isQualifiedName('app.kubernetes.io/name'), []);
	t.deepEqual(isQualifiedName('/name'), ['prefix part must be non-empty']);
	t.regex(isQualifiedName('a/b/c')[0]!, /^a qualified name must consist of/);
	t.regex(isQualifiedName('my app')[0]!, /^name part must consist of alphanumeric characters/);
	t.deepEqual(isValidLabelValue(''), []);
	t.deepEqual(isValidLabelValue('x'.repeat(64)), ['must be no more than 63 characters']);
	t.regex(isValidLabelValue('-x')[0]!, /^a valid label must be an empty string/);
});

test('IPs, special IPs and CIDRs (S21, S33, S35)', t => {
	t.deepEqual(isValidIP('10.96.0.10'), []);
	t.deepEqual(isValidIP('2001:db8::1'), []);
	t.deepEqual(isValidIP('10.96.0.300'), ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)']);
	t.deepEqual(specialIPErrors('127.0.0.1'), ['may not be in the loopback range (127.0.0.0/8, ::1/128)']);
	t.deepEqual(specialIPErrors('0.0.0.0'), ['may not be unspecified (0.0.0.0)']);
	t.deepEqual(specialIPErrors('169.254.1.1'), ['may not be in the link-local range (169.254.0.0/16, fe80::/10)']);
	t.deepEqual(specialIPErrors('224.0.0.5'), ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)']);
	t.deepEqual(specialIPErrors('203.0.113.7'), []);
	t.true(isValidCIDR('10.0.0.0/8'));
	t.false(isValidCIDR('10.0.0.0/33'));
	t.false(isValidCIDR('10.0.0.0'));
});
