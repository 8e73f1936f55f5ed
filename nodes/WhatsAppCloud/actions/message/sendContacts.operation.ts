import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { outgoing } from '../../helpers/envelope';
import { singleSend, type OutgoingMessage } from '../../helpers/send';

const show = { resource: ['message'], operation: ['sendContacts'] };

export const description: INodeProperties[] = [
	{
		displayName: 'Contacts',
		name: 'contacts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Contact',
		displayOptions: { show },
		options: [
			{
				displayName: 'Contact',
				name: 'contact',
				values: [
					{ displayName: 'Company', name: 'company', type: 'string', default: '' },
					{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
					{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
					{ displayName: 'Full Name', name: 'formattedName', type: 'string', default: '', description: 'Required' },
					{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
					{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
				],
			},
		],
	},
];

export async function build(this: IExecuteFunctions, itemIndex: number): Promise<OutgoingMessage> {
	const rows = (this.getNodeParameter('contacts.contact', itemIndex, []) as IDataObject[]) ?? [];
	if (!rows.length) throw new NodeOperationError(this.getNode(), '"Contacts" is empty', { itemIndex, description: 'Add at least one contact.' });
	const contacts = rows.map((c, n) => {
		const formatted = String(c.formattedName ?? '').trim();
		if (!formatted) throw new NodeOperationError(this.getNode(), `Contact ${n + 1} has no "Full Name"`, { itemIndex });
		const contact: IDataObject = { name: { formatted_name: formatted, ...(c.firstName ? { first_name: c.firstName } : {}), ...(c.lastName ? { last_name: c.lastName } : {}) } };
		if (c.phone) contact.phones = [{ phone: String(c.phone), type: 'CELL' }];
		if (c.email) contact.emails = [{ email: String(c.email), type: 'WORK' }];
		if (c.company) contact.org = { company: String(c.company) };
		return contact;
	});
	return outgoing(this, itemIndex, 'contacts', contacts);
}

export const execute = singleSend(build);
