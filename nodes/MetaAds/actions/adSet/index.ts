import { objectResource, type ObjectKind } from '../../helpers/objectList';
import { statusOperationOptions } from '../../helpers/objectOperations';
import * as getStatus from './getStatus.operation';
import * as pause from './pause.operation';
import * as resume from './resume.operation';
import * as setBudget from './setBudget.operation';

const kind: ObjectKind = {
	resource: 'adSet',
	edge: 'adsets',
	label: 'Ad Set',
	plural: 'ad sets',
	fields: [
		{ name: 'Billing Event', value: 'billing_event' },
		{ name: 'Campaign ID', value: 'campaign_id' },
		{ name: 'Optimization Goal', value: 'optimization_goal' },
	],
	parents: [{ name: 'campaignId', displayName: 'Campaign ID' }],
};

export const { getMany, description } = objectResource(kind, {
	description: 'List the ad sets of an ad account or campaign, filtered by status',
	action: 'Get many ad sets',
}, {
	options: statusOperationOptions('ad set', true),
	properties: [...getStatus.description, ...pause.description, ...resume.description, ...setBudget.description],
});

export { getStatus, pause, resume, setBudget };
