import { NodeOperationError, jsonParse, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { readId, readNumber, readOptionalText, readText, readUrl } from '../../../shared/parameters';
import { SKIP_DONE_IN_EARLIER_EXECUTIONS, skipDoneWritesOption } from '../../../shared/descriptions/skipDoneWrites';
import { eventTimeOf } from '../../helpers/eventTime';
import { buildUserData } from '../../helpers/userData';

const show = { resource: ['event'], operation: ['send'] };


/** Where the conversion happened (`action_source`, Server Event Parameters page). */
const ACTION_SOURCES: Array<[string, string, string]> = [
	['App', 'app', 'In a mobile app'],
	['Business Messaging', 'business_messaging', 'In a Messenger, Instagram or WhatsApp conversation started from an ad'],
	['Chat', 'chat', 'In a chat or messaging app'],
	['Email', 'email', 'In an email'],
	['Other', 'other', 'Anywhere else'],
	['Phone Call', 'phone_call', 'Over the phone'],
	['Physical Store', 'physical_store', 'In person, in a shop'],
	['System Generated', 'system_generated', 'Recorded by a system such as a CRM (e.g. a lead that became a customer)'],
	['Website', 'website', 'On your website (needs the event URL and the visitor’s user agent)'],
];

const text = (displayName: string, name: string, description: string, placeholder = ''): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	description,
	...(placeholder ? { placeholder } : {}),
});

export const description: INodeProperties[] = [
	{
		displayName: 'Dataset (Pixel)',
		name: 'pixel',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The Meta dataset (pixel) that receives the event',
		displayOptions: { show },
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchPixels', searchable: true } },
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '1234567890123456',
				validation: [{ type: 'regex', properties: { regex: '^\\d{5,}$', errorMessage: 'A dataset ID is a number' } }],
			},
		],
	},
	{
		displayName: 'Event Name',
		name: 'eventName',
		type: 'options',
		// Meta's standard events (Meta Pixel reference); anything else is sent as a custom event.
		options: [
			{ name: 'AddPaymentInfo', value: 'AddPaymentInfo' },
			{ name: 'AddToCart', value: 'AddToCart' },
			{ name: 'AddToWishlist', value: 'AddToWishlist' },
			{ name: 'CompleteRegistration', value: 'CompleteRegistration' },
			{ name: 'Contact', value: 'Contact' },
			{ name: 'Custom Event', value: 'custom' },
			{ name: 'CustomizeProduct', value: 'CustomizeProduct' },
			{ name: 'Donate', value: 'Donate' },
			{ name: 'FindLocation', value: 'FindLocation' },
			{ name: 'InitiateCheckout', value: 'InitiateCheckout' },
			{ name: 'Lead', value: 'Lead' },
			{ name: 'PageView', value: 'PageView' },
			{ name: 'Purchase', value: 'Purchase' },
			{ name: 'Schedule', value: 'Schedule' },
			{ name: 'Search', value: 'Search' },
			{ name: 'StartTrial', value: 'StartTrial' },
			{ name: 'SubmitApplication', value: 'SubmitApplication' },
			{ name: 'Subscribe', value: 'Subscribe' },
			{ name: 'ViewContent', value: 'ViewContent' },
		],
		default: 'Lead',
		description: 'A standard event, or your own name for a custom event',
		displayOptions: { show },
	},
	{
		...text('Custom Event Name', 'customEventName', 'Your event name, as your pixel sends it (case-sensitive)', 'QualifiedLead'),
		required: true,
		displayOptions: { show: { ...show, eventName: ['custom'] } },
	},
	{
		displayName: 'Action Source',
		name: 'actionSource',
		type: 'options',
		options: ACTION_SOURCES.map(([name, value, description]) => ({ name, value, description })),
		default: 'website',
		description: 'Where the conversion happened; Meta requires it and trusts it to be accurate',
		displayOptions: { show },
	},
	{
		...text('Event Source URL', 'eventSourceUrl', 'The page where the event happened; required for website events', 'https://shop.example.com/checkout/done'),
		displayOptions: { show: { ...show, actionSource: ['website'] } },
	},
	{
		...text(
			'Event ID',
			'eventId',
			'Your unique ID for this event. Send the same ID from the browser pixel so Meta counts the conversion once (e.g. an order number, or the lead ID)',
			'order-10045',
		),
		displayOptions: { show },
	},
	{
		...text('Event Time', 'eventTime', 'When it happened: a date (ISO 8601) or a Unix timestamp; empty means now. At most 7 days ago.', '2026-12-03T10:00:00Z'),
		displayOptions: { show },
	},
	{
		displayName: 'User Data',
		name: 'userData',
		type: 'collection',
		placeholder: 'Add Customer Detail',
		default: {},
		description: 'Who converted. Contact details are normalised and SHA-256 hashed before sending (values that already are SHA-256 hashes are sent as they are).',
		displayOptions: { show },
		options: [
			text('Browser ID (Fbp)', 'fbp', 'The _fbp cookie, sent unhashed', 'fb.1.1596403881668.1116446470'),
			text('City', 'city', 'The customer’s city; lowercased without spaces or punctuation, then SHA-256 hashed', 'Berlin'),
			text('Click ID (Fbc)', 'fbc', 'The _fbc cookie or fbclid, sent unhashed', 'fb.1.1554763741205.AbCdEfGhIjKlMnOp'),
			text('Client IP Address', 'clientIpAddress', 'The visitor’s IPv4 or IPv6 address, sent unhashed', '203.0.113.7'),
			text('Client User Agent', 'clientUserAgent', 'The visitor’s browser user agent, sent unhashed; required for website events'),
			text('Country', 'country', 'Two-letter ISO code, hashed', 'DE'),
			text('Date of Birth', 'dateOfBirth', 'YYYYMMDD or YYYY-MM-DD, hashed', '19900401'),
			text('Email', 'email', 'Hashed; a list of emails is accepted from an expression', 'jane@example.com'),
			text('External ID', 'externalId', 'Your own ID for the customer (e.g. from your CRM), SHA-256 hashed as given', 'customer-1042'),
			text('First Name', 'firstName', 'The customer’s first name; lowercased without punctuation, then SHA-256 hashed', 'Jane'),
			text('Gender', 'gender', 'F (female) or m (male), also accepts female or male; SHA-256 hashed', 'f'),
			text('Last Name', 'lastName', 'The customer’s last name; lowercased without punctuation, then SHA-256 hashed', 'Smith'),
			text('Lead ID', 'leadId', 'The Meta Lead Ads lead ID, sent unhashed (for leads from instant forms)'),
			text('Phone', 'phone', 'With the country code, hashed', '+1 650 555 1212'),
			text('State', 'state', 'Two-letter state or region code such as CA; lowercased, then SHA-256 hashed', 'CA'),
			text('Zip Code', 'zip', 'Postal code without spaces or dashes (US codes: first 5 digits); SHA-256 hashed', '94025'),
		],
	},
	{
		displayName: 'Custom Data',
		name: 'customData',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		description: 'What was converted; Purchase needs Value and Currency',
		displayOptions: { show },
		options: [
			text('Content IDs', 'contentIds', 'Product IDs, separated by commas', 'sku-1, sku-2'),
			text('Content Type', 'contentType', 'What the Content IDs identify: product (single products) or product_group (product groups)', 'product'),
			text('Currency', 'currency', 'Three-letter ISO 4217 currency code of the value, such as EUR or USD', 'EUR'),
			{ displayName: 'More Custom Data (JSON)', name: 'extraJson', type: 'json', default: '{}', description: 'Further custom_data keys, sent as given' },
			text('Order ID', 'orderId', 'Your order number or transaction ID for this conversion', 'order-10045'),
			{ displayName: 'Value', name: 'value', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'Monetary value of the event' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1000 },
				default: 1000,
				description: 'Events sent per request (Meta takes up to 1,000). If Meta refuses one event, it refuses its whole batch.',
			},
			{
				displayName: 'More User Data (JSON)',
				name: 'extraUserDataJson',
				type: 'json',
				default: '{}',
				description: 'Further user_data keys in Meta’s own form, sent exactly as given (hash what Meta requires hashed yourself)',
			},
			skipDoneWritesOption('event (name, ID, data)'),
			text('Test Event Code', 'testEventCode', 'Shows the events in Events Manager → Test Events instead of counting them', 'TEST12345'),
		],
	},
];

export interface PreparedEvent {
	pixelId: string;
	testEventCode: string;
	event: IDataObject;
	acrossExecutions: boolean;
	batchSize: number;
}

function jsonObject(ctx: IExecuteFunctions, raw: unknown, label: string, itemIndex: number): IDataObject {
	if (raw === undefined || raw === null || raw === '') return {};
	const value = typeof raw === 'string' ? jsonParse<unknown>(raw, { errorMessage: `${label} is not valid JSON` }) : raw;
	if (!value || typeof value !== 'object' || Array.isArray(value)) throw new NodeOperationError(ctx.getNode(), `${label} must be a JSON object`, { itemIndex });
	return value as IDataObject;
}

function customDataOf(ctx: IExecuteFunctions, itemIndex: number, eventName: string): IDataObject | undefined {
	const raw = ctx.getNodeParameter('customData', itemIndex, {}) as IDataObject;
	const data: IDataObject = {};
	if (raw.value !== undefined && raw.value !== '') data.value = Number(raw.value);
	const currency = readOptionalText(ctx, 'customData.currency', itemIndex, 'Currency').trim();
	if (currency) {
		if (!/^[A-Za-z]{3}$/.test(currency)) throw new NodeOperationError(ctx.getNode(), `Currency must be a three-letter ISO 4217 code such as EUR: got "${currency}"`, { itemIndex });
		data.currency = currency.toLowerCase();
	}
	const ids = readOptionalText(ctx, 'customData.contentIds', itemIndex, 'Content IDs');
	if (ids.trim()) data.content_ids = ids.split(',').map((id) => id.trim()).filter(Boolean);
	const contentType = readOptionalText(ctx, 'customData.contentType', itemIndex, 'Content Type').trim();
	if (contentType) data.content_type = contentType;
	const orderId = readOptionalText(ctx, 'customData.orderId', itemIndex, 'Order ID').trim();
	if (orderId) data.order_id = orderId;
	Object.assign(data, jsonObject(ctx, raw.extraJson, 'More Custom Data (JSON)', itemIndex));
	if (eventName === 'Purchase' && (data.value === undefined || !data.currency)) {
		throw new NodeOperationError(ctx.getNode(), 'A Purchase event needs Custom Data → Value and Currency', { itemIndex, description: 'Meta refuses Purchase events without them.' });
	}
	return Object.keys(data).length ? data : undefined;
}

/** The server event of one item, checked as Meta would check it, before any call. */
export function prepareEvent(ctx: IExecuteFunctions, itemIndex: number, nowMs: number): PreparedEvent {
	const node = ctx.getNode();
	const pixelId = readId(ctx, 'pixel', itemIndex, 'Dataset (Pixel)');
	if (!/^\d{5,}$/.test(pixelId)) throw new NodeOperationError(node, `Dataset (Pixel) "${pixelId}" is not a dataset ID: pick it from the list or enter its number`, { itemIndex });
	const chosen = ctx.getNodeParameter('eventName', itemIndex, 'Lead') as string;
	const eventName = chosen === 'custom' ? readText(ctx, 'customEventName', itemIndex, 'Custom Event Name').trim() : chosen;
	const actionSource = ctx.getNodeParameter('actionSource', itemIndex, 'website') as string;
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const userFields = ctx.getNodeParameter('userData', itemIndex, {}) as IDataObject;
	const userData = buildUserData(node, userFields, jsonObject(ctx, options.extraUserDataJson, 'More User Data (JSON)', itemIndex), itemIndex);
	if (!Object.keys(userData).length) {
		throw new NodeOperationError(node, 'User Data is empty: Meta needs at least one customer detail to match the event', {
			itemIndex,
			description: 'Add Email, Phone, External ID, the fbp/fbc cookies or the client IP address and user agent.',
		});
	}
	const event: IDataObject = {
		event_name: eventName,
		event_time: eventTimeOf(node, ctx.getNodeParameter('eventTime', itemIndex, ''), itemIndex, nowMs),
		action_source: actionSource,
		user_data: userData,
	};
	const eventId = readOptionalText(ctx, 'eventId', itemIndex, 'Event ID').trim();
	if (eventId) event.event_id = eventId;
	if (actionSource === 'website') {
		const url = readUrl(ctx, 'eventSourceUrl', itemIndex, 'Event Source URL');
		if (!/^https?:\/\/\S+$/.test(url)) throw new NodeOperationError(node, `Event Source URL is required for website events and must be a web address: got "${url}"`, { itemIndex });
		if (!userData.client_user_agent) throw new NodeOperationError(node, 'Website events need User Data → Client User Agent (the visitor’s browser user agent)', { itemIndex });
		event.event_source_url = url;
	}
	const customData = customDataOf(ctx, itemIndex, eventName);
	if (customData) event.custom_data = customData;
	return {
		pixelId,
		testEventCode: readOptionalText(ctx, 'options.testEventCode', itemIndex, 'Test Event Code').trim(),
		event,
		acrossExecutions: options[SKIP_DONE_IN_EARLIER_EXECUTIONS] === true,
		batchSize: readNumber(ctx, 'options.batchSize', itemIndex, 'Batch Size', { min: 1, max: 1000, integer: true }, 1000),
	};
}
