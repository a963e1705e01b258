// Shell completion. One engine answers for every shell: `k8s-svc-tui __complete WORDS… CURRENT`
// prints the candidates for the last word, one a line, then `:DIRECTIVE`. That is the protocol of
// cobra's `__complete` command, which kubectl also speaks to a plugin's completion executable
// (kubectl 1.26+, pkg/cmd/plugin/plugin_completion.go: it runs kubectl_complete-<plugin> with the
// words after the plugin's name, the last one possibly empty, and reads a last `:<integer>` line
// as a cobra ShellCompDirective). The bash, zsh and fish scripts below read it the same way.

import {execFileSync} from 'node:child_process';
import process from 'node:process';
import type {Program} from './help.js';
import {sampleNames} from './samples.js';

/** cobra's ShellCompDirective bits (spf13/cobra completions.go). */
export const DIRECTIVE = {default: 0, noSpace: 2, noFileComp: 4, filterFileExt: 8} as const;

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

const VERBS = ['check', 'test', 'diff', 'samples', 'completion'] as const;
type Topic = 'open' | 'check' | 'test' | 'diff';

type Value = 'file' | 'sample' | 'number' | 'context' | 'namespace' | 'output';

interface Flag {
	names: string[];
	value?: Value;
	topics: Topic[];
	/** Only kubectl svcsim takes it: it shapes the snapshot of the cluster. */
	plugin?: true;
}

/** The flags each verb takes (cli.tsx parses them; its --help lists them). */
export const FLAGS: readonly Flag[] = [
	{names: ['--sample'], value: 'sample', topics: ['open', 'check', 'test']},
	{names: ['--script'], value: 'file', topics: ['open', 'test']},
	{names: ['--echo'], topics: ['open', 'test']},
	{names: ['--seed'], value: 'number', topics: ['open', 'test', 'diff']},
	{names: ['--record'], value: 'file', topics: ['open', 'test']},
	{names: ['--replay'], value: 'file', topics: ['open']},
	{names: ['--watch'], topics: ['open']},
	{names: ['--until'], value: 'number', topics: ['open']},
	{names: ['--validate=strict', '--validate=warn', '--validate=ignore'], topics: ['open', 'check', 'test', 'diff']},
	{names: ['--output', '-o'], value: 'output', topics: ['check', 'diff']},
	{names: ['--junit'], value: 'file', topics: ['check', 'test']},
	{names: ['--tap'], topics: ['test']},
	{names: ['--no-color'], topics: ['open']},
	{names: ['--help'], topics: ['open', 'check', 'test', 'diff']},
	{names: ['--version'], topics: ['open']},
	{names: ['--context'], value: 'context', topics: ['open', 'check', 'test'], plugin: true},
	{names: ['--kubeconfig'], value: 'file', topics: ['open', 'check', 'test'], plugin: true},
	{names: ['--namespace', '-n'], value: 'namespace', topics: ['open', 'check', 'test'], plugin: true},
	{names: ['--save'], value: 'file', topics: ['open', 'check', 'test'], plugin: true},
];

const MANIFEST_EXTENSIONS = ['yaml', 'yml', 'json'];

export interface CompletionSources {
	samples: readonly string[];
	/** kubeconfig contexts, asked for only when a --context value is completed. */
	contexts(): string[];
}

export interface Completion {
	candidates: string[];
	directive: number;
}

const startingWith = (prefix: string, words: readonly string[]) => words.filter(w => w.startsWith(prefix));

/** The candidates for the last of `words` (the words after the program's name). */
export function complete(program: Program, words: readonly string[], sources: CompletionSources): Completion {
	const current = words.at(-1) ?? '';
	const before = words.slice(0, -1);
	const first = before[0];
	const noFiles = (candidates: string[]): Completion => ({candidates, directive: DIRECTIVE.noFileComp});
	if (first === 'completion') {
		if (current.startsWith('-')) return noFiles(startingWith(current, ['--help']));
		return noFiles(before.length === 1 ? startingWith(current, [...SHELLS]) : []);
	}
	if (first === 'samples') return noFiles(current.startsWith('-') ? startingWith(current, ['--help']) : []);
	const topic: Topic = first === 'check' || first === 'test' || first === 'diff' ? first : 'open';
	const flags = FLAGS.filter(f => f.topics.includes(topic) && (program === 'kubectl-svcsim' || !f.plugin));
	// bash splits `--validate=w` at the `=` (COMP_WORDBREAKS): the words are `--validate`, `=`, `w`.
	if (before.at(-1) === '=' && before.at(-2) === '--validate') return noFiles(startingWith(current, ['strict', 'warn', 'ignore']));
	const previous = flags.find(f => f.value !== undefined && f.names.includes(before.at(-1) ?? ''));
	if (previous?.value !== undefined) return flagValue(previous.value, current, sources);
	if (current.startsWith('-'))
		return noFiles(
			startingWith(
				current,
				flags.flatMap(f => f.names),
			),
		);
	// The first word may be a verb; a name that starts like none is a file.
	if (before.length === 0) {
		const verbs = startingWith(current, [...VERBS]);
		if (verbs.length > 0) return noFiles(verbs);
	}
	return {candidates: MANIFEST_EXTENSIONS, directive: DIRECTIVE.filterFileExt};
}

function flagValue(value: Value, current: string, sources: CompletionSources): Completion {
	switch (value) {
		case 'file':
			return {candidates: [], directive: DIRECTIVE.default};
		case 'sample':
			return {candidates: startingWith(current, sources.samples), directive: DIRECTIVE.noFileComp};
		case 'context':
			return {candidates: startingWith(current, sources.contexts()), directive: DIRECTIVE.noFileComp};
		case 'output':
			return {candidates: startingWith(current, ['text', 'json']), directive: DIRECTIVE.noFileComp};
		case 'number':
		case 'namespace':
			return {candidates: [], directive: DIRECTIVE.noFileComp};
	}
}

/** The answer as `__complete` prints it. */
const completionLines = ({candidates, directive}: Completion): string[] => [...candidates, `:${directive}`];

/** `kubectl config get-contexts -o name`: local, no cluster asked; nothing when kubectl fails. */
function kubeconfigContexts(): string[] {
	try {
		const out = execFileSync('kubectl', ['config', 'get-contexts', '-o', 'name'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 3000});
		return out.split('\n').filter(line => line !== '');
	} catch {
		return [];
	}
}

// The scripts ask the program for candidates with the words up to the cursor, then act on the
// directive: 8 completes files with the extensions given (and folders), no candidates without 4
// completes any file, 2 adds no space.

const BASH = `# bash completion for k8s-svc-tui (k8s-svc-tui completion bash)
_k8s_svc_tui() {
	local cur=\${COMP_WORDS[COMP_CWORD]}
	local -a lines
	mapfile -t lines < <(k8s-svc-tui __complete "\${COMP_WORDS[@]:1:COMP_CWORD-1}" "$cur" 2>/dev/null)
	(( \${#lines[@]} > 0 )) || return 0
	local directive=\${lines[-1]#:}
	unset 'lines[-1]'
	COMPREPLY=()
	if (( directive & 8 )); then
		local ext
		compopt -o filenames 2>/dev/null
		for ext in "\${lines[@]}"; do
			COMPREPLY+=($(compgen -f -X "!*.$ext" -- "$cur"))
		done
		COMPREPLY+=($(compgen -d -- "$cur"))
		return 0
	fi
	local line
	for line in "\${lines[@]}"; do
		COMPREPLY+=("\${line%%$'\\t'*}")
	done
	if (( \${#COMPREPLY[@]} == 0 && !(directive & 4) )); then
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
	if (( directive & 2 )); then compopt -o nospace 2>/dev/null; fi
	return 0
}
complete -F _k8s_svc_tui k8s-svc-tui
`;

const ZSH = `#compdef k8s-svc-tui
# zsh completion for k8s-svc-tui (k8s-svc-tui completion zsh)
_k8s_svc_tui() {
	local -a lines
	lines=("\${(@f)$(k8s-svc-tui __complete "\${(@)words[2,CURRENT-1]}" "\${words[CURRENT]}" 2>/dev/null)}")
	(( \${#lines} > 0 )) || return 1
	local directive=\${lines[-1]#:}
	lines=("\${(@)lines[1,-2]}")
	if (( directive & 8 )); then
		_files -g "*.(\${(j:|:)lines})"
		return
	fi
	if (( \${#lines} == 0 )); then
		(( directive & 4 )) || _files
		return
	fi
	local -a values
	values=("\${(@)lines%%$'\\t'*}")
	if (( directive & 2 )); then
		compadd -S '' -- "\${(@)values}"
	else
		compadd -- "\${(@)values}"
	fi
}
if [ "\${funcstack[1]}" = "_k8s_svc_tui" ]; then
	_k8s_svc_tui "$@"
else
	compdef _k8s_svc_tui k8s-svc-tui
fi
`;

const FISH = `# fish completion for k8s-svc-tui (k8s-svc-tui completion fish)
function __k8s_svc_tui_complete
	set -l words (commandline -opc)
	set -l lines (k8s-svc-tui __complete $words[2..-1] (commandline -ct) 2>/dev/null)
	test (count $lines) -gt 0; or return
	set -l directive (string sub -s 2 -- $lines[-1])
	set -e lines[-1]
	if test (math "bitand($directive, 8)") -ne 0
		# Only these extensions, and folders (fish's __fish_complete_suffix lists the rest after them).
		set -l pattern '\\.('(string join '|' -- $lines)')$'
		for path in (commandline -ct)*
			if test -d $path
				echo $path/
			else if string match -qr -- $pattern $path
				echo $path
			end
		end
		return
	end
	if test (count $lines) -eq 0
		test (math "bitand($directive, 4)") -ne 0; or __fish_complete_path (commandline -ct)
		return
	end
	printf '%s\\n' $lines
end
complete -c k8s-svc-tui -f -a '(__k8s_svc_tui_complete)'
`;

export function completionScript(shell: Shell): string {
	return {bash: BASH, zsh: ZSH, fish: FISH}[shell];
}

/** `__complete` (and kubectl_complete-svcsim): the answer on standard output. */
export function printCompletion(program: Program, words: readonly string[], samplesDir: string): void {
	const answer = complete(program, words, {samples: sampleNames(samplesDir), contexts: kubeconfigContexts});
	process.stdout.write(`${completionLines(answer).join('\n')}\n`);
}
