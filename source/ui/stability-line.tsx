import {Text} from 'ink';
import {getRow} from '../sim/index.js';
import {ageSince, sanitize} from '../view/index.js';
import type {Model} from './model.js';
import {textWidth} from './text-width.js';
import {tint, useTheme} from './theme.js';

/**
 * How requests fared: the share that succeeded among those the simulation answered, and apart
 * from them the ones that went outside the cluster (an ExternalName's CNAME), which it cannot judge.
 */
function requestRate(stats: Model['stats'][string]): string {
	const outside = stats.outside ?? 0;
	const judged = stats.total - outside;
	const away = outside > 0 ? `${outside} request${outside === 1 ? '' : 's'} left the cluster` : '';
	if (judged === 0) return away === '' ? 'none yet' : away;
	const rate = `${((stats.ok / judged) * 100).toFixed(stats.ok === judged ? 0 : 1)}% ok (${stats.ok}/${judged})`;
	return away === '' ? rate : `${rate}, ${away}`;
}

/** For the selected Service: how long its ClusterIP and DNS name have held, the pod IP churn
 *  behind it, and how requests fared. */
function stabilityText(model: Model, width = Infinity): string {
	const key = model.selected;
	const service = key ? getRow(model.sim.services, key) : undefined;
	if (!key || !service) return '';
	const stats = model.stats[key] ?? {ipChanges: 0, ok: 0, total: 0};
	const held = ageSince(model.sim.clock, service.createdAt);
	const address =
		service.spec.type === 'ExternalName'
			? `CNAME ${service.spec.externalName}`
			: service.spec.clusterIP === 'None'
				? 'headless (no ClusterIP)'
				: `ClusterIP ${service.spec.clusterIP}`;
	const rate = requestRate(stats);
	// An ExternalName has no pods behind it: no churn to count.
	const pods = service.spec.type !== 'ExternalName';
	const churn = pods ? ` · pod IP changes ${stats.ipChanges}` : '';
	const long = `${service.name}: ${address} and DNS name ${service.name}.${service.namespace}.svc unchanged for ${held}${churn} · requests ${rate}`;
	const parts = [`${address} unchanged ${held}`, ...(pods ? [`pod IPs changed ${stats.ipChanges}×`] : []), stats.total > 0 ? rate : 'no requests'];
	const fits = (text: string) => textWidth(sanitize(text)) <= width;
	if (fits(long)) return sanitize(long);
	const short = parts.join(' · ');
	// Too narrow even so (a long CNAME): the numbers first, the address cut at the end.
	return sanitize(fits(short) ? short : [...parts.slice(1), parts[0]].join(' · '));
}

export function StabilityLine({model, width}: {model: Model; width: number}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate" {...tint(theme, 'cyan')}>
			{stabilityText(model, width)}
		</Text>
	);
}
