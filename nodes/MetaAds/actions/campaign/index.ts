import { objectResource, type ObjectKind } from '../../helpers/objectList';
import { statusOperationOptions } from '../../helpers/objectOperations';
import * as getStatus from './getStatus.operation';
import * as pause from './pause.operation';
import * as resume from './resume.operation';
import * as setBudget from './setBudget.operation';

const kind: ObjectKind = {
	resource: 'campaign',
	edge: 'campaigns',
	label: 'Campaign',
	plural: 'campaigns',
	fields: [
		{ name: 'Buying Type', value: 'buying_type' },
		{ name: 'Objective', value: 'objective' },
	],
	parents: [],
};

export const { getMany, description } = objectResource(kind, {
	description: 'List the campaigns of an ad account, filtered by status',
	action: 'Get many campaigns',
}, {
	options: statusOperationOptions('campaign', true),
	properties: [...getStatus.description, ...pause.description, ...resume.description, ...setBudget.description],
});

export { getStatus, pause, resume, setBudget };
