// `--help` of each verb, for both programs the package installs: k8s-svc-tui, and kubectl-svcsim,
// which kubectl runs for `kubectl svcsim` (with no file it opens a snapshot of the cluster).

export type Program = 'k8s-svc-tui' | 'kubectl-svcsim';

export type HelpTopic = 'open' | 'check' | 'test' | 'diff' | 'samples' | 'completion';

/** How the program is typed: kubectl runs `kubectl-svcsim` for `kubectl svcsim`. */
export const commandName = (program: Program) => (program === 'kubectl-svcsim' ? 'kubectl svcsim' : 'k8s-svc-tui');

const FILES = `FILE may be YAML (multi-document, kind: List) or JSON; a DIR loads every *.yaml, *.yml and
*.json inside it; - reads standard input.`;

const COLOUR = `  --no-color        no colour in the TUI (as NO_COLOR=1 does; FORCE_COLOR=1 forces it, TERM=dumb and
                    FORCE_COLOR=0 draw plain text); output that is not a terminal is never coloured`;

const SNAPSHOT = `With no FILE, kubectl svcsim takes a snapshot of the cluster first:
  kubectl get nodes,pods,services,endpointslices,deployments,replicasets,statefulsets,networkpolicies -A -o json
and opens it (kinds the simulator does not model are skipped and counted).

Snapshot options (passed on to kubectl; KUBECONFIG is honoured as kubectl honours it):
  --context NAME      the kubeconfig context to use
  --kubeconfig FILE   the kubeconfig file to use
  -n, --namespace NS  one namespace instead of all (-A); nodes are cluster-scoped and always come
  --save FILE         keep the snapshot in FILE (open it again later with kubectl svcsim FILE)`;

function openHelp(program: Program): string {
	const me = commandName(program);
	const input = '[FILE|DIR|-]...';
	const none =
		program === 'kubectl-svcsim'
			? 'With no FILE it opens a snapshot of the current cluster (see below).'
			: 'With no FILE it opens the seed example (samples/hello.yaml); --sample NAME opens another.';
	return `Usage:
  ${me} ${input} [--seed N] [--record FILE] [--watch]
                                                          open the simulator (keyboard TUI)
  ${me} ${input} --replay FILE                 open it and run a script one line per p
  ${me} ${input} --script FILE|- [--echo]     run kubectl-like commands headless
  ${me} check FILE|DIR|- ... [-o json] [--junit FILE]
                                                          validate manifests and lint routing
  ${me} test FILE|DIR|- ... --script TESTS [--junit FILE] [--tap]
                                                          run routing tests (--expect, expect) for CI
  ${me} diff BEFORE... -- AFTER... [-o json]          which requests change outcome between two sets of files
  ${me} samples                                      list the bundled samples
  ${me} completion bash|zsh|fish                     print a shell completion script

${none}
${FILES}

Options:
  --sample NAME     open a bundled sample instead of a FILE (${me} samples lists them)
  --script FILE|-   run one command per line (# comments), print results as kubectl would
  --echo            with --script, print each command as "$ command" before its output
  --seed N          seed of the simulation's random choices (default 1): same seed, same run
  --record FILE     save the session (TUI or --script) as a script that --script replays
  --replay FILE     in the TUI, run a script (e.g. a --record file) one line each time p is
                    pressed, clock paused: each step leaves the state --script would
  --until LINE|TIME with --script, stop after that line or once the clock reaches that time
                    (e.g. 12, 1m30s); with --replay, open the TUI there (each step before it a
                    moment [ goes back to)
  --watch           in the TUI, apply a FILE again each time it is saved (as apply -f does:
                    Services and NetworkPolicies) and show which requests that changed
  --validate=MODE   unknown or repeated fields: strict (or true, the default) fails, warn
                    prints a warning and loads the object, ignore (or false) says nothing
  --junit FILE      with test or check, write a JUnit XML report (a test case per checked
                    line, or per file)
  --tap             with test, print TAP version 13 on standard output instead of the output
${COLOUR}
  -h, --help        show this help (${me} VERB --help: that verb's)
  --version         print the version and the Kubernetes version it simulates
${program === 'kubectl-svcsim' ? `\n${SNAPSHOT}\n` : ''}
Script commands: get, describe, delete, crash, scale, label, probe, curl, nslookup, wait, expect,
undo, help
(run "help" in a script or the TUI palette for their usage).`;
}

function checkHelp(program: Program): string {
	const me = commandName(program);
	return `Usage:
  ${me} check FILE|DIR|- ... [--validate=MODE] [-o json] [--junit FILE]
  ${me} check --sample NAME${program === 'kubectl-svcsim' ? `\n  ${me} check [--context NAME] [--kubeconfig FILE] [-n NS] [--save FILE]` : ''}

Load the manifests as the API server would (errors as FILE:LINE:COL: message, exit 1), settle the
cluster, and warn about routing that cannot work (a selector that matches no pod, a targetPort no
pod declares). Prints the diagnostics and "FILES: OK (…)" on standard error; exits 1 when the
manifests do not load, 0 when they do (warnings too).${program === 'kubectl-svcsim' ? ' With no FILE it checks a snapshot of the cluster.' : ''}

${FILES}

Options:
  --sample NAME     check a bundled sample
  --validate=MODE   unknown or repeated fields: strict (or true, the default) fails, warn
                    prints a warning and loads the object, ignore (or false) says nothing
  -o, --output FORMAT
                    text (the default), or json: one JSON document on standard output
                    instead, standard error left quiet: files, ok, counts, skipped, and
                    diagnostics (file, line, col, severity, message)
  --junit FILE      also write a JUnit XML report: a test case per file, failed by its errors,
                    its warnings as system-out
  -h, --help        show this help${program === 'kubectl-svcsim' ? `\n\n${SNAPSHOT}` : ''}`;
}

function testHelp(program: Program): string {
	const me = commandName(program);
	return `Usage:
  ${me} test FILE|DIR|- ... --script TESTS [--junit FILE] [--tap] [--echo] [--seed N]

Run a routing-test script as a suite: each line with --expect (curl, nslookup) or an expect
command is a test case. Prints a summary on standard error and exits 1 when a check or a line
failed; a script that checks nothing fails too.${program === 'kubectl-svcsim' ? ' With no FILE it tests a snapshot of the cluster.' : ''}

Options:
  --script TESTS    the test script (one command per line, # comments); - reads standard input
  --junit FILE      also write a JUnit XML report (one test case per checked line)
  --tap             print TAP version 13 on standard output instead of the commands' output
  --echo            print each command as "$ command" before its output
  --seed N          seed of the simulation's random choices (default 1)
  --sample NAME     test against a bundled sample instead of FILEs
  --record FILE     save the run as a script that --script replays
  --validate=MODE   strict (default), warn or ignore unknown or repeated fields
  -h, --help        show this help${program === 'kubectl-svcsim' ? `\n\n${SNAPSHOT}` : ''}

Example:
  ${me} test --sample hello --script samples/hello-routes.txt --junit report.xml`;
}

function diffHelp(program: Program): string {
	const me = commandName(program);
	return `Usage:
  ${me} diff FILE|DIR|- ... -- FILE|DIR|- ... [-o json] [--seed N] [--validate=MODE]

Boot two clusters with the same seed, the files before -- and the files after it, send the same
requests in both and print the pairs whose outcome changed: which pods answer (by the workload
that owns them), refused, timed out or NXDOMAIN, with why where the objects show it. Clients: the
first ready pod of each namespace, every node, the outside clients; targets: every Service port by
DNS name, ClusterIP, node port on each node, load-balancer and external IPs. Service ports and
clients found on one side only are listed first.

Exit status (as kubectl diff): 0 nothing changed, 1 something changed, 2 the files did not load
or the arguments are wrong.

${FILES}

Options:
  -o, --output FORMAT  text (the default) or json
  --seed N             seed of both simulations' random choices (default 1)
  --validate=MODE      strict (default), warn or ignore unknown or repeated fields
  -h, --help           show this help

Example (what if web had no replicas?):
  cp -r manifests what-if && $EDITOR what-if/web.yaml && ${me} diff manifests -- what-if`;
}

function samplesHelp(program: Program): string {
	const me = commandName(program);
	return `Usage:
  ${me} samples

List the samples that come with the package, each with the first thing to try in it. Open one
with ${me} --sample NAME; its whole tour shows when the TUI opens, and under ?.
${program === 'k8s-svc-tui' ? `With no FILE, ${me} opens hello, the seed example.\n` : ''}
Options:
  -h, --help        show this help`;
}

function completionHelp(program: Program): string {
	const me = commandName(program);
	return `Usage:
  ${me} completion bash|zsh|fish

Print a script that completes k8s-svc-tui's verbs, flags, sample names and files in that shell.
Load it in the current shell, or keep it where the shell loads completions from:
  bash   source <(k8s-svc-tui completion bash)      (or write it to ~/.local/share/bash-completion/completions/k8s-svc-tui)
  zsh    source <(k8s-svc-tui completion zsh)       (or write it to a folder on $fpath as _k8s-svc-tui)
  fish   k8s-svc-tui completion fish | source       (or write it to ~/.config/fish/completions/k8s-svc-tui.fish)

kubectl svcsim completes through kubectl's own completion (kubectl 1.26 or newer): the package
installs kubectl_complete-svcsim, which kubectl runs for it.

Options:
  -h, --help        show this help`;
}

export function helpText(program: Program, topic: HelpTopic): string {
	switch (topic) {
		case 'open':
			return openHelp(program);
		case 'check':
			return checkHelp(program);
		case 'test':
			return testHelp(program);
		case 'diff':
			return diffHelp(program);
		case 'samples':
			return samplesHelp(program);
		case 'completion':
			return completionHelp(program);
	}
}
