import {Text} from 'ink';
import {sanitize} from '../view/index.js';
import type {Model} from './model.js';
import {tint, useTheme} from './theme.js';

/** The palette, filter or prompt being typed; otherwise the last command's answer. */
export function BottomLine({model, width}: {model: Model; width: number}) {
	const theme = useTheme();
	const mode = model.mode;
	if (mode.kind === 'palette') return <Text wrap="truncate">{`:${sanitize(mode.text)}█`}</Text>;
	if (mode.kind === 'filter') return <Text wrap="truncate">{`/${sanitize(mode.text)}█`}</Text>;
	if (mode.kind === 'prompt') {
		// The prompt reads as the very command Enter runs (model.ts promptLine), the cursor where
		// the typed part goes. A selected preset is drawn inverse and said to be replaced.
		const [before, after] =
			mode.purpose === 'scale'
				? [`scale ${mode.workload} --replicas=`, ` -n ${mode.namespace}`]
				: [`label pod ${mode.pod} -n ${mode.namespace} `, ' --overwrite'];
		const pod = mode.purpose === 'label' ? model.sim.pods[`${mode.namespace}/${mode.pod}`] : undefined;
		const labels = pod ? Object.entries(pod.labels).map(([k, v]) => `${k}=${v}`) : [];
		const help = mode.selected
			? 'type a number to replace it; Enter runs, Esc cancels'
			: mode.purpose === 'label'
				? `now: ${labels.join(' ') || '<none>'}; key=value sets, key- removes; Enter runs, Esc cancels`
				: 'Enter runs, Esc cancels';
		return (
			<Text wrap="truncate">
				{sanitize(before)}
				<Text inverse={mode.selected}>{sanitize(mode.text)}</Text>
				{`█${sanitize(after)}  (${sanitize(help)})`}
			</Text>
		);
	}
	if (!model.status) return <Text> </Text>;
	return (
		<Text wrap="truncate" {...tint(theme, model.status.error ? 'red' : 'gray')}>
			{model.status.text.slice(0, width)}
		</Text>
	);
}
