import { objectResource, type ObjectKind } from '../../helpers/objectList';
import { statusOperationOptions } from '../../helpers/objectOperations';
import * as getStatus from './getStatus.operation';
import * as pause from './pause.operation';
import * as resume from './resume.operation';

const kind: ObjectKind = {
	resource: 'ad',
	edge: 'ads',
	label: 'Ad',
	plural: 'ads',
	fields: [
		{ name: 'Ad Set ID', value: 'adset_id' },
		{ name: 'Campaign ID', value: 'campaign_id' },
	],
	parents: [
		{ name: 'campaignId', displayName: 'Campaign ID' },
		{ name: 'adSetId', displayName: 'Ad Set ID' },
	],
};

export const { getMany, description } = objectResource(kind, {
	description: 'List the ads of an ad account, campaign or ad set, filtered by status',
	action: 'Get many ads',
}, {
	options: statusOperationOptions('ad', false),
	properties: [...getStatus.description, ...pause.description, ...resume.description],
});

export { getStatus, pause, resume };
