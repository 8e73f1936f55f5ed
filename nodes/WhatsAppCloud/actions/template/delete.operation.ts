import { asNodeError } from '../../../shared/actions/router';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { outcomeUnknown } from '../../../shared/idempotency';
import { graphRequest } from '../../../shared/request';
import { requiredWabaId } from '../../helpers/account';
import { layerOf } from '../../helpers/graph';
import { templatesNamed } from '../../helpers/template';
import { targetProperties, targetTemplates } from './target';

export const description: INodeProperties[] = [...targetProperties(['delete'], 'Leave empty to delete every translation of the template')];

/**
 * Deletes a template: by name every translation, with a language or by ID one translation (Meta's `hsm_id`). Meta then
 * keeps the name blocked for a while, so a deleted name cannot be created again at once.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const wabaId = requiredWabaId(this, itemIndex);
	const byId = this.getNodeParameter('templateBy', itemIndex, 'name') === 'id';
	const language = byId ? '' : String(this.getNodeParameter('templateLanguage', itemIndex, '') ?? '').trim();
	const targets = await targetTemplates(this, itemIndex, false);
	const name = String(targets[0].name);
	const one = byId || Boolean(language);
	const qs: IDataObject = { name, ...(one ? { hsm_id: String(targets[0].id) } : {}) };
	const layer = layerOf(this, itemIndex);
	try {
		await graphRequest(this, layer, { method: 'DELETE', path: `${wabaId}/message_templates`, qs, idempotent: false, itemIndex });
	} catch (error) {
		// A lost answer: deleted if the translations are gone.
		const left = outcomeUnknown(error) ? (await templatesNamed(this, layer, wabaId, name, itemIndex)).filter((t) => targets.some((x) => x.id === t.id)) : targets;
		if (left.length) throw asNodeError(this, error as Error, itemIndex);
	}
	return [
		{
			json: { deleted: true, name, ids: targets.map((t) => t.id), languages: targets.map((t) => t.language) },
			pairedItem: { item: itemIndex },
		},
	];
}
