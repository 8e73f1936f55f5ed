import { objectResource, type ObjectKind } from '../../helpers/objectList';

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
});
