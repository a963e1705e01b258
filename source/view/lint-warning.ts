// One `check` warning, for Services (view/lint.ts) and NetworkPolicies (view/lint-networkpolicy.ts).

export interface LintWarning {
	kind: 'Service' | 'NetworkPolicy';
	namespace: string;
	name: string;
	/** Where in the document to point, e.g. ['spec', 'selector'] or ['spec', 'ports', 0, 'targetPort']. */
	path: Array<string | number>;
	message: string;
	/** `ns/name` of the Service a NetworkPolicy warning is about: the TUI shows it on that Service's row too. */
	service?: string;
	/** The same said within that Service's own pane, short enough for an 80-column screen. */
	brief?: string;
	/** Which check found it: the TUI's Endpoints pane states `no-pods` and `no-port` in its head. */
	check:
		| 'no-pods'
		| 'none-ready'
		| 'no-port'
		| 'some-pods-lack-port'
		| 'port-not-declared'
		| 'cname-stop'
		// NetworkPolicy (view/lint-networkpolicy.ts)
		| 'netpol-service-port'
		| 'netpol-no-dns'
		| 'netpol-no-pods'
		| 'netpol-no-namespace';
}
