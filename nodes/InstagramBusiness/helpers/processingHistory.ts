import type { IDataObject } from 'n8n-workflow';
import type { InstagramCall } from './context';
import { estimateFrom, type ProcessingEstimate } from './pollSchedule';

export type ProcessingKind = 'image' | 'video' | 'carousel';

const MAX_SAMPLES = 5;
const STATIC_KEY = 'instagramProcessingMs';

/** Samples seen in this run, seeded from the workflow's static data (kept between production executions). */
const historyByRun = new WeakMap<object, Record<string, number[]>>();

function history(call: InstagramCall): Record<string, number[]> {
	let samples = historyByRun.get(call.ctx);
	if (!samples) {
		const stored = (call.ctx.getWorkflowStaticData('node')[STATIC_KEY] ?? {}) as IDataObject;
		samples = {};
		for (const [kind, values] of Object.entries(stored)) if (Array.isArray(values)) samples[kind] = values.map(Number).filter(Number.isFinite);
		historyByRun.set(call.ctx, samples);
	}
	return samples;
}

/** What earlier media of this kind suggest about the processing time, if anything. */
export function processingEstimate(call: InstagramCall, kind: ProcessingKind): ProcessingEstimate | undefined {
	return estimateFrom(history(call)[kind] ?? []);
}

/** Remembers how long a container took (the middle of the last two checks), for the next ones of its kind. */
export function recordProcessing(call: InstagramCall, kind: ProcessingKind, ms: number): void {
	if (!(ms > 0)) return;
	const samples = history(call);
	samples[kind] = [...(samples[kind] ?? []), Math.round(ms)].slice(-MAX_SAMPLES);
	const staticData = call.ctx.getWorkflowStaticData('node');
	staticData[STATIC_KEY] = { ...((staticData[STATIC_KEY] as IDataObject | undefined) ?? {}), [kind]: samples[kind] };
}
