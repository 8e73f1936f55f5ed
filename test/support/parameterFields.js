'use strict';
/**
 * Enumerates, from the built node descriptions, every text, ID and number parameter of every action node, per
 * resource and operation, with the parameter values that make it visible. New fields are covered without a list.
 */
const { NodeHelpers } = require('n8n-workflow');
const { loadPackageTypes } = require('../harness/package-types');

const ACTION_NODES = ['instagramBusiness', 'whatsAppCloud', 'metaAds', 'metaSetupDoctor'];
const FIELD_TYPES = new Set(['string', 'resourceLocator', 'number']);

function descriptionOf(nodeTypes, name) {
	const type = nodeTypes[`n8n-nodes-meta-business.${name}`];
	return type.nodeVersions?.[type.currentVersion]?.description ?? type.description;
}

function visible(description, parameters, property) {
	const full = NodeHelpers.getNodeParameters(description.properties, parameters, true, false, { typeVersion: description.version ?? 1 }, description);
	return NodeHelpers.displayParameter(full ?? parameters, property, { typeVersion: 1, parameters: full }, description, full);
}

/** Parameter values (beyond resource/operation) that make `property` visible, or undefined when none do. */
function revealing(description, base, property) {
	if (visible(description, base, property)) return {};
	const show = property.displayOptions?.show ?? {};
	const extra = {};
	for (const [key, allowed] of Object.entries(show)) {
		if (key === 'resource' || key === 'operation' || key.startsWith('@')) continue;
		if (Array.isArray(allowed) && allowed.length) extra[key] = allowed[0];
	}
	return visible(description, { ...base, ...extra }, property) ? extra : undefined;
}

function operationsOf(description) {
	const resource = description.properties.find((p) => p.name === 'resource');
	const resources = resource ? resource.options.map((o) => o.value) : [undefined];
	const out = [];
	for (const r of resources) {
		for (const op of description.properties.filter((p) => p.name === 'operation' && (!r || !p.displayOptions?.show?.resource || p.displayOptions.show.resource.includes(r)))) {
			for (const option of op.options) out.push({ resource: r, operation: option.value });
		}
	}
	return out;
}

/**
 * @returns {Array<{node:string, resource?:string, operation:string, name:string, displayName:string, type:string,
 *   required:boolean, reveal:object, others:Array<{name:string,type:string,required:boolean}>}>}
 */
function actionNodeFields() {
	const { nodeTypes } = loadPackageTypes();
	const fields = [];
	for (const node of ACTION_NODES) {
		const description = descriptionOf(nodeTypes, node);
		for (const { resource, operation } of operationsOf(description)) {
			const base = { ...(resource ? { resource } : {}), operation };
			for (const property of description.properties) {
				if (!FIELD_TYPES.has(property.type)) continue;
				const reveal = revealing(description, base, property);
				if (!reveal) continue;
				const params = { ...base, ...reveal };
				const others = description.properties.filter((p) => p !== property && FIELD_TYPES.has(p.type) && visible(description, params, p));
				fields.push({
					node,
					resource,
					operation,
					name: property.name,
					displayName: property.displayName,
					type: property.type,
					required: property.required === true,
					reveal,
					others: others.map((p) => ({ name: p.name, type: p.type, required: p.required === true })),
				});
			}
		}
	}
	return fields;
}

const rl = (value, mode = 'id') => ({ __rl: true, mode, value });
const WAMID = 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA';

/** Valid values for the fields that are not under test, so only the field under test can be refused. */
function goodValues(seed) {
	const { campaigns } = seed.adAccount;
	return {
		account: rl(seed.instagram.id),
		media: rl('17900000000000001'),
		pickerMedia: rl('17900000000000001'),
		commentId: rl('17800000000000001'),
		message: 'Thanks for the comment!',
		containerId: '17900000000000002',
		imageUrl: 'https://cdn.example.com/photo.jpg',
		videoUrl: 'https://cdn.example.com/clip.mp4',
		binaryPropertyName: 'data',
		caption: 'Hello',
		mentionMediaId: '17900000000000003',
		mentionId: '17800000000000002',
		text: 'Hi there',
		recipientId: '27000000000000009',
		messageId: 'aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDAwMDAwMDAwMDAx',
		reaction: 'love',
		mediaUrl: 'https://cdn.example.com/photo.jpg',
		warnDays: 14,
		limit: 5,
		wabaId: rl(seed.waba.id),
		phoneNumberId: rl(seed.waba.phoneNumberId),
		downloadMediaId: '1234567890123',
		outputBinaryField: 'data',
		readMessageId: WAMID,
		to: '+15551234567',
		headerText: 'Header',
		bodyText: 'Body',
		footerText: 'Footer',
		listButtonText: 'Choose',
		ctaDisplayText: 'Open',
		ctaUrl: 'https://example.com/offer',
		latitude: 52.52,
		longitude: 13.4,
		locationName: 'Office',
		address: 'Main Street 1',
		mediaId: '1234567890123',
		fileName: 'invoice.pdf',
		reactionMessageId: WAMID,
		emoji: '👍',
		templateName: rl('hello_world', 'name'),
		textBody: 'Hello',
		newTemplateName: 'order_shipped',
		newTemplateLanguage: 'en_US',
		templateBodyText: 'Your order has shipped.',
		templateId: '1234567890',
		waitMessage: 'Approve?',
		adAccount: rl(seed.adAccount.id),
		campaign: rl(campaigns.springSale),
		adSet: rl('120200000000010002'),
		ad: rl('120200000000010003'),
		otherFields: '',
		timeIncrementDays: 3,
	};
}

/** Option and list fields n8n or the operation requires, set so only the field under test can be refused. */
const REQUIRED_LISTS = {
	templateLanguage: 'en_US',
	contacts: { contact: [{ formattedName: 'Ada Lovelace' }] },
	replyButtons: { button: [{ id: 'yes', title: 'Yes' }] },
	listRows: { row: [{ id: 'row-1', title: 'First' }] },
};

const FALLBACK = { string: 'value', number: 1, resourceLocator: rl('1234567890') };

/** Parameters of one operation with valid values everywhere (fields from the description, lists and options). */
function validParameters(seed, field) {
	const good = goodValues(seed);
	const parameters = { authentication: 'metaAccessTokenApi', ...(field.resource ? { resource: field.resource } : {}), operation: field.operation, ...field.reveal, ...REQUIRED_LISTS };
	for (const other of [field, ...field.others]) parameters[other.name] = good[other.name] ?? FALLBACK[other.type];
	return parameters;
}

module.exports = { actionNodeFields, ACTION_NODES, goodValues, validParameters, REQUIRED_LISTS, FALLBACK, rl };
