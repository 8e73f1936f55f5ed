import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { outgoing } from '../../helpers/envelope';
import { singleSend, type OutgoingMessage } from '../../helpers/send';
import { textValue } from '../../../shared/parameters';

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
					{ displayName: 'Company', name: 'company', type: 'string', default: '', description: 'Optional company the contact works for' },
					{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Optional email address of the contact' },
					{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', description: 'Optional first name of the contact' },
					{ displayName: 'Full Name', name: 'formattedName', type: 'string', default: '', description: 'The name shown on the contact card (required)' },
					{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', description: 'Optional last name of the contact' },
					{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: 'Optional phone number of the contact, in international format (+…)' },
				],
			},
		],
	},
];

export async function build(this: IExecuteFunctions, itemIndex: number): Promise<OutgoingMessage> {
	const rows = (this.getNodeParameter('contacts.contact', itemIndex, []) as IDataObject[]) ?? [];
	if (!rows.length) throw new NodeOperationError(this.getNode(), '"Contacts" is empty', { itemIndex, description: 'Add at least one contact.' });
	const contacts = rows.map((c, n) => {
		const text = (value: unknown, label: string, acceptIntegers = false) =>
			textValue(this.getNode(), value, `Contact ${n + 1} ${label}`, itemIndex, { required: false, acceptIntegers }).trim();
		const formatted = text(c.formattedName, 'Full Name');
		if (!formatted) throw new NodeOperationError(this.getNode(), `Contact ${n + 1} has no "Full Name"`, { itemIndex });
		const [firstName, lastName, phone, email, company] = [text(c.firstName, 'First Name'), text(c.lastName, 'Last Name'), text(c.phone, 'Phone', true), text(c.email, 'Email'), text(c.company, 'Company')];
		const contact: IDataObject = { name: { formatted_name: formatted, ...(firstName ? { first_name: firstName } : {}), ...(lastName ? { last_name: lastName } : {}) } };
		if (phone) contact.phones = [{ phone, type: 'CELL' }];
		if (email) contact.emails = [{ email, type: 'WORK' }];
		if (company) contact.org = { company };
		return contact;
	});
	return outgoing(this, itemIndex, 'contacts', contacts);
}

export const execute = singleSend(build);
