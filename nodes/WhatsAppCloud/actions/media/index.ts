import type { INodeProperties } from 'n8n-workflow';
import * as download from './download.operation';
import * as upload from './upload.operation';

export { download, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['media'] } },
		options: [
			{ name: 'Download', value: 'download', description: 'Download a media ID into binary data', action: 'Download media' },
			{ name: 'Upload', value: 'upload', description: 'Upload binary data and get a media ID', action: 'Upload media' },
		],
		default: 'upload',
	},
	...upload.description,
	...download.description,
];
