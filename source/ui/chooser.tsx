import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import type {Service, State} from '../sim/index.js';
import {sanitize} from '../view/index.js';
import {addressChoices, clientChoices} from './targets.js';
import {tint, useTheme} from './theme.js';

interface Props {
	step: 'client' | 'address';
	sim: State;
	service: Service | undefined;
	width: number;
	height: number;
	onClient(flags: string): void;
	onAddress(mode: string): void;
}

/** `f`: who fires (a pod, a node, an outside client), then at which address of the Service. */
export function Chooser({step, sim, service, width, height, onClient, onAddress}: Props) {
	const theme = useTheme();
	const limit = Math.max(3, height - 3);
	const items =
		step === 'client'
			? clientChoices(sim, service).map(c => ({key: c.flags || 'default', label: sanitize(c.label), value: c.flags}))
			: service
				? addressChoices(sim, service).map(c => ({key: c.mode, label: sanitize(c.label), value: c.mode}))
				: [];
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" {...(theme.color ? {borderColor: 'cyan'} : {})} paddingX={1}>
			<Text bold {...tint(theme, 'cyan')}>
				{step === 'client' ? 'Who sends the requests? (↑/↓, Enter; Esc cancels)' : `Address ${sanitize(service?.name ?? '')} by… (↑/↓, Enter; Esc cancels)`}
			</Text>
			<SelectInput key={step} items={items} limit={limit} onSelect={item => (step === 'client' ? onClient(item.value) : onAddress(item.value))} />
		</Box>
	);
}
