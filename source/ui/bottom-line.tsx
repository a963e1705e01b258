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
		const label =
			mode.purpose === 'scale' ? `scale ${mode.workload} -n ${mode.namespace} --replicas=` : `label pod ${mode.pod} -n ${mode.namespace} --overwrite: `;
		return <Text wrap="truncate">{`${label}${sanitize(mode.text)}█  (Enter runs, Esc cancels)`}</Text>;
	}
	if (!model.status) return <Text> </Text>;
	return (
		<Text wrap="truncate" {...tint(theme, model.status.error ? 'red' : 'gray')}>
			{model.status.text.slice(0, width)}
		</Text>
	);
}
