// What the command grammar produces: a query for the view layer, a batch of simulator
// actions, or a help request. Parsing never touches state (docs/architecture.md "Commands").

import type {ResourceName} from '../kinds/registry.js';
import type {Action} from '../sim/types.js';
import type {Expectation} from './expect-spec.js';

/** `text` is kubectl's default table; the others are its `-o` values. */
export type OutputFormat = 'text' | 'wide' | 'json' | 'yaml' | 'name' | TemplateFormat;

/** The `-o` values that carry their argument after `=` (`-o jsonpath={.a}`); only `get` takes them. */
export type TemplateFormat = 'jsonpath' | 'jsonpath-as-json' | 'custom-columns';

export type Command =
	| {
			kind: 'get';
			resource: ResourceName;
			name?: string;
			namespace: string;
			allNamespaces: boolean;
			selector?: string;
			output: OutputFormat;
			/** Every type and its names, in order, when more than `resource [name]` was asked for (`get svc,ep`, `get all`, `get svc/a pod/b`, `get pods a b`). */
			requests?: Array<{resource: ResourceName; names: string[]}>;
			/** The text after `-o jsonpath=` or `-o custom-columns=`. */
			template?: string;
			showLabels?: boolean;
			/** `-L`: label keys, one column each. */
			labelColumns?: string[];
			noHeaders?: boolean;
			sortBy?: string;
			/** `--field-selector`, passed to the API server as kubectl does. */
			fieldSelector?: string;
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
	| {kind: 'actions'; actions: Action[]; output: OutputFormat; summaryOnly?: boolean; verbose?: boolean; expect?: Expectation}
	/** `expect ep SVC ready=N`: a check on the state, for routing tests. */
	| {kind: 'expect'; service: string; namespace: string; expect: Expectation}
	| {kind: 'help'; topic?: string; output?: OutputFormat}
	/** Back `count` steps through the session's history (its runner keeps it: a line has no past). */
	| {kind: 'undo'; count: number}
	/** `apply|create|delete -f FILE`: the session reads the file (session/apply.ts). */
	| {kind: 'apply'; file: string; verb?: 'create' | 'delete'}
	/** `edit REF`: the TUI opens $EDITOR (ui/edit-object.ts); with `file`, the edited object, applied. */
	| {kind: 'edit'; ref: string; file?: string};

/** What `describe` has a describer for: every kind but Event. */
export type DescribableResource = Exclude<ResourceName, 'events'>;

/** `command: null` for a blank line or a comment. */
export type ParseResult = {ok: true; command: Command | null} | {ok: false; error: string};

export type ParseError = {ok: false; error: string};
