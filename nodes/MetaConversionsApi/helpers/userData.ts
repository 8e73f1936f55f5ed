import { createHash } from 'crypto';
import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { previewOf } from '../../shared/parameters';

/**
 * Customer information as Meta's Conversions API takes it ("Customer Information Parameters"): contact details are
 * normalised, then SHA-256 hashed (lowercase hex); browser and click identifiers are sent as they are. A value that
 * already is a SHA-256 hash is sent unchanged, never hashed twice.
 */
const SHA256 = /^[a-f0-9]{64}$/i;

type Normalise = (value: string) => string | undefined;

interface HashedField {
	/** Meta's key in user_data. */
	key: string;
	/** The node's field (display name), for errors. */
	label: string;
	normalise: Normalise;
	/** What a normalised value must look like, and what to write instead. */
	valid?: RegExp;
	expected?: string;
}

const lettersOnly = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Meta: trim, lowercase. */
const email: Normalise = (v) => v.trim().toLowerCase();
/** Meta: digits only, with the country code, no leading zeros (a leading "00" international prefix goes too). */
const phone: Normalise = (v) => v.replace(/\D/g, '').replace(/^0+/, '');
/** Meta: lowercase, no punctuation; letters outside a–z are kept (UTF-8). Spaces inside a name go too. */
const name: Normalise = (v) => lettersOnly(v);
/** Meta: lowercase, no punctuation, no spaces ("New York" → "newyork"). */
const city: Normalise = (v) => lettersOnly(v);
/** Meta: two-letter code, lowercase. */
const region: Normalise = (v) => lettersOnly(v);
/** Meta: lowercase, no spaces or dashes; US codes use their first 5 digits. */
const zip: Normalise = (v) => {
	const compact = v.trim().toLowerCase().replace(/[\s-]/g, '');
	return /^\d{9}$/.test(compact) ? compact.slice(0, 5) : compact;
};
const gender: Normalise = (v) => {
	const g = v.trim().toLowerCase();
	return g.startsWith('f') ? 'f' : g.startsWith('m') ? 'm' : g;
};
/** Meta: YYYYMMDD. ISO dates (1990-04-01) are accepted and turned into that. */
const birthDate: Normalise = (v) => v.trim().replace(/[-/.\s]/g, '');
const asIs: Normalise = (v) => v.trim();

export const HASHED_USER_FIELDS: Record<string, HashedField> = {
	email: { key: 'em', label: 'Email', normalise: email, valid: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, expected: 'an email address such as jane@example.com' },
	phone: { key: 'ph', label: 'Phone', normalise: phone, valid: /^\d{7,15}$/, expected: 'a phone number with its country code, such as +1 650 555 1212' },
	firstName: { key: 'fn', label: 'First Name', normalise: name },
	lastName: { key: 'ln', label: 'Last Name', normalise: name },
	city: { key: 'ct', label: 'City', normalise: city },
	state: { key: 'st', label: 'State', normalise: region, valid: /^[a-z]{2}$/, expected: 'a two-letter state or region code, such as CA' },
	zip: { key: 'zp', label: 'Zip Code', normalise: zip },
	country: { key: 'country', label: 'Country', normalise: region, valid: /^[a-z]{2}$/, expected: 'a two-letter ISO 3166 country code, such as US' },
	gender: { key: 'ge', label: 'Gender', normalise: gender, valid: /^[fm]$/, expected: 'f or m' },
	dateOfBirth: { key: 'db', label: 'Date of Birth', normalise: birthDate, valid: /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/, expected: 'a date as YYYYMMDD or YYYY-MM-DD' },
	externalId: { key: 'external_id', label: 'External ID', normalise: asIs },
};

/** Sent without hashing (Meta asks for them as they are). */
export const PLAIN_USER_FIELDS: Record<string, { key: string; label: string }> = {
	clientIpAddress: { key: 'client_ip_address', label: 'Client IP Address' },
	clientUserAgent: { key: 'client_user_agent', label: 'Client User Agent' },
	fbc: { key: 'fbc', label: 'Click ID (fbc)' },
	fbp: { key: 'fbp', label: 'Browser ID (fbp)' },
	leadId: { key: 'lead_id', label: 'Lead ID' },
};

export function sha256(value: string): string {
	return createHash('sha256').update(value, 'utf8').digest('hex');
}

function valuesOf(node: INode, raw: unknown, label: string, itemIndex: number): string[] {
	const list = Array.isArray(raw) ? raw : [raw];
	return list
		.filter((v) => v !== undefined && v !== null && v !== '')
		.map((v) => {
			if (typeof v === 'number' && Number.isFinite(v)) return String(v);
			if (typeof v !== 'string') throw new NodeOperationError(node, `${label} must be text: got ${previewOf(v)}`, { itemIndex });
			return v;
		});
}

/** One hashed field: each value normalised and hashed (or kept when it is a hash already); none → undefined. */
function hashField(node: INode, field: HashedField, raw: unknown, itemIndex: number): string | string[] | undefined {
	const hashes: string[] = [];
	for (const value of valuesOf(node, raw, field.label, itemIndex)) {
		if (SHA256.test(value.trim())) {
			hashes.push(value.trim().toLowerCase());
			continue;
		}
		const normalised = field.normalise(value);
		if (!normalised) continue;
		if (field.valid && !field.valid.test(normalised)) {
			throw new NodeOperationError(node, `${field.label} "${previewOf(value).replace(/^"|"$/g, '')}" is not ${field.expected}`, {
				itemIndex,
				description: `Meta matches ${field.label} only in its normalised form; fix the value or leave the field empty.`,
			});
		}
		hashes.push(sha256(normalised));
	}
	if (!hashes.length) return undefined;
	return field.key === 'em' || field.key === 'ph' || hashes.length > 1 ? hashes : hashes[0];
}

/** user_data from the node's User Data fields, plus extra keys sent as given (already in Meta's form). */
export function buildUserData(node: INode, fields: IDataObject, extra: IDataObject, itemIndex: number): IDataObject {
	const userData: IDataObject = {};
	for (const [name, raw] of Object.entries(fields)) {
		const hashed = HASHED_USER_FIELDS[name];
		if (hashed) {
			const value = hashField(node, hashed, raw, itemIndex);
			if (value !== undefined) userData[hashed.key] = value;
			continue;
		}
		const plain = PLAIN_USER_FIELDS[name];
		if (!plain) continue;
		const [value] = valuesOf(node, raw, plain.label, itemIndex);
		if (value?.trim()) userData[plain.key] = value.trim();
	}
	return { ...userData, ...extra };
}
