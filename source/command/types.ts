// What the command grammar produces: a query for the view layer, a batch of simulator
// actions, or a help request. Parsing never touches state (docs/architecture.md "Commands").

import type {Action, ResourceName} from '../sim/types.js';

/** `text` is kubectl's default table; the others are its `-o` values. */
export type OutputFormat = 'text' | 'wide' | 'json' | 'yaml';

export type Command =
	| {
			kind: 'get';
			resource: ResourceName;
			name?: string;
			namespace: string;
			allNamespaces: boolean;
			selector?: string;
			output: OutputFormat;
	  }
	| {
			kind: 'describe';
			/** The objects named (`TYPE NAME…` or `TYPE/NAME…`), in order. */
			targets: Array<{resource: DescribableResource; name: string}>;
			/** Set for `TYPE [NAME…]`; without names, every object of the type is described. */
			resource?: DescribableResource;
			/** `TYPE NAME` exactly: a NotFound falls back to the names starting with NAME (kubectl's DescribeMatchingResources). */
			prefixMatch: boolean;
			namespace: string;
			allNamespaces: boolean;
			selector?: string;
			output: OutputFormat;
	  }
	| {kind: 'actions'; actions: Action[]; output: OutputFormat; summaryOnly?: boolean; verbose?: boolean}
	| {kind: 'help'; topic?: string; output?: OutputFormat};

/** What `describe` has a describer for: every kind but Event. */
export type DescribableResource = Exclude<ResourceName, 'events'>;

/** `command: null` for a blank line or a comment. */
export type ParseResult = {ok: true; command: Command | null} | {ok: false; error: string};

export type ParseError = {ok: false; error: string};
