import { SEND_AND_WAIT_OPERATION, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { routeOperations, type OperationTable } from '../../shared/actions/router';
import { executeSetupCheck } from '../../shared/doctor/setupCheck';
import { sendMessages } from '../helpers/send';
import * as media from './media';
import * as message from './message';
import * as template from './template';

const operations: OperationTable = {
	message: {
		sendTemplate: message.sendTemplate.execute,
		sendText: message.sendText.execute,
		sendMedia: message.sendMedia.execute,
		sendInteractive: message.sendInteractive.execute,
		sendReaction: message.sendReaction.execute,
		sendLocation: message.sendLocation.execute,
		sendContacts: message.sendContacts.execute,
		markAsRead: message.markAsRead.execute,
	},
	template: {
		list: template.list.execute,
		get: template.get.execute,
		getStatus: template.getStatus.execute,
		create: template.create.execute,
		edit: template.edit.execute,
		delete: template.delete.execute,
	},
	media: { upload: media.upload.execute, download: media.download.execute },
	setup: { check: executeSetupCheck },
};

const WRITES = new Set(template.TEMPLATE_WRITES);

/** Messages go out together, paced (see helpers/send.ts); everything else item by item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	if (resource === 'message' && operation === SEND_AND_WAIT_OPERATION) return await message.sendAndWait.execute.call(this);
	const build = resource === 'message' ? message.builders[operation] : undefined;
	if (build) return await sendMessages.call(this, build);
	return await routeOperations.call(this, operations, { writes: WRITES });
}
