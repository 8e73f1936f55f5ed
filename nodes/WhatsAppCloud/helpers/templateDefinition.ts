import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import { placeholders } from './template';

/** What the create/edit form holds (actions/template/content.ts), before it becomes Meta's `components`. */
export interface TemplateForm {
	named: boolean;
	headerType: 'none' | 'text' | 'image' | 'video' | 'document' | 'location';
	headerText: string;
	headerExample: string;
	headerHandle: string;
	bodyText: string;
	bodyExamples: Array<{ variable: string; value: string }>;
	footerText: string;
	buttons: IDataObject[];
}

/** Limits of a template's content (Meta's template rules, reference §5.3 and test/sandbox/README.md). */
const LIMITS = { headerText: 60, body: 1024, footer: 60, buttonText: 25, buttons: 10 };

type Fail = (field: string, what: string, fix?: string) => NodeOperationError;

function failer(node: INode, itemIndex: number): Fail {
	return (field, what, fix) => new NodeOperationError(node, `"${field}" ${what}`, { itemIndex, description: fix });
}

const stripBraces = (variable: string) => variable.trim().replace(/^\{\{\s*|\s*\}\}$/g, '');

/** The variables of a text checked against the template's format: {{1}}…{{n}} in order, or lowercase names. */
function checkVariables(fail: Fail, field: string, text: string, named: boolean): string[] {
	const names = placeholders(text);
	const odd = /\{\{\s*([^}]*?)\s*\}\}/g;
	for (const match of text.matchAll(odd)) {
		if (!/^[a-z0-9_]+$/.test(match[1])) throw fail(field, `has the variable {{${match[1]}}}, which WhatsApp does not accept`, 'Use {{1}}, {{2}}… or lowercase names such as {{first_name}}.');
	}
	if (named && names.some((n) => !/^[a-z][a-z0-9_]*$/.test(n))) {
		throw fail(field, `has positional variables (${names.map((n) => `{{${n}}}`).join(', ')}) but "Variable Format" is Named`, 'Use names such as {{first_name}}, or set "Variable Format" to Positional.');
	}
	if (!named && names.some((n, i) => n !== String(i + 1))) {
		throw fail(field, `has the variables ${names.map((n) => `{{${n}}}`).join(', ')}; positional variables are {{1}}, {{2}}, … in order`, 'Number the variables from 1 in the order they appear, or set "Variable Format" to Named.');
	}
	return names;
}

function checkLength(fail: Fail, field: string, text: string, max: number, required: boolean): void {
	if (required && !text.trim()) throw fail(field, 'is empty');
	if (text.length > max) throw fail(field, `is ${text.length} characters long; WhatsApp allows ${max}`, `Shorten "${field}".`);
}

function headerComponent(fail: Fail, form: TemplateForm): IDataObject | undefined {
	if (form.headerType === 'none') return undefined;
	if (form.headerType === 'location') return { type: 'HEADER', format: 'LOCATION' };
	if (form.headerType === 'text') {
		checkLength(fail, 'Header Text', form.headerText, LIMITS.headerText, true);
		const names = checkVariables(fail, 'Header Text', form.headerText, form.named);
		if (names.length > 1) throw fail('Header Text', `has ${names.length} variables; a header has at most one`);
		const header: IDataObject = { type: 'HEADER', format: 'TEXT', text: form.headerText };
		if (!names.length) return header;
		if (!form.headerExample.trim()) throw fail('Header Example', `is empty; the header's {{${names[0]}}} needs an example value for Meta's review`);
		header.example = form.named ? { header_text_named_params: [{ param_name: names[0], example: form.headerExample }] } : { header_text: [form.headerExample] };
		return header;
	}
	if (!form.headerHandle.trim()) {
		throw fail('Header Sample Handle', 'is empty; a media header needs a sample file', "Upload a sample with Meta's Resumable Upload API (or in WhatsApp Manager) and paste the handle it returns (e.g. 4::aW1h…).");
	}
	return { type: 'HEADER', format: form.headerType.toUpperCase(), example: { header_handle: [form.headerHandle.trim()] } };
}

function bodyComponent(fail: Fail, form: TemplateForm): IDataObject {
	checkLength(fail, 'Body', form.bodyText, LIMITS.body, true);
	const names = checkVariables(fail, 'Body', form.bodyText, form.named);
	const body: IDataObject = { type: 'BODY', text: form.bodyText };
	const trimmed = form.bodyText.trim();
	if (names.length && (trimmed.startsWith('{{') || trimmed.endsWith('}}'))) {
		throw fail('Body', 'starts or ends with a variable, which WhatsApp refuses', 'Put words before the first and after the last variable.');
	}
	const examples = new Map<string, string>();
	for (const { variable, value } of form.bodyExamples) {
		const name = stripBraces(String(variable ?? ''));
		if (!names.includes(name)) throw fail('Body Examples', `has an example for {{${name}}}, which the body does not contain`, `The body's variables: ${names.map((n) => `{{${n}}}`).join(', ') || 'none'}.`);
		if (examples.has(name)) throw fail('Body Examples', `has two examples for {{${name}}}`);
		if (!String(value ?? '').trim()) throw fail('Body Examples', `has an empty example for {{${name}}}`);
		examples.set(name, String(value));
	}
	const missing = names.filter((n) => !examples.has(n));
	if (missing.length) throw fail('Body Examples', `has no example for ${missing.map((n) => `{{${n}}}`).join(', ')}`, "Meta reviews every template with an example value for each variable: add one per variable.");
	if (names.length) {
		body.example = form.named
			? { body_text_named_params: names.map((n) => ({ param_name: n, example: examples.get(n) })) }
			: { body_text: [names.map((n) => examples.get(n))] };
	}
	return body;
}

function buttonOf(fail: Fail, raw: IDataObject, index: number): IDataObject {
	const field = `Buttons (button ${index + 1})`;
	const type = String(raw.type ?? 'quickReply');
	const text = String(raw.text ?? '');
	if (type !== 'copyCode') checkLength(fail, `${field} Text`, text, LIMITS.buttonText, true);
	if (type === 'quickReply') return { type: 'QUICK_REPLY', text };
	if (type === 'url') {
		const url = String(raw.url ?? '').trim();
		if (!/^https?:\/\/\S+$/i.test(url)) throw fail(`${field} URL`, `"${url}" is not an http(s) URL`);
		const vars = placeholders(url);
		if (vars.length > 1 || (vars.length && !url.endsWith('}}'))) throw fail(`${field} URL`, 'may have one variable, only at its end (e.g. https://shop.example/o/{{1}})');
		if (!vars.length) return { type: 'URL', text, url };
		const example = String(raw.urlExample ?? '').trim();
		if (!/^https?:\/\//i.test(example)) throw fail(`${field} URL Example`, 'is needed for a URL with a variable: the full URL with an example value, e.g. https://shop.example/o/1234');
		return { type: 'URL', text, url, example: [example] };
	}
	if (type === 'phoneNumber') {
		const phone = String(raw.phoneNumber ?? '').replace(/[\s\-().]/g, '');
		if (!/^\+\d{8,15}$/.test(phone)) throw fail(`${field} Phone Number`, `"${String(raw.phoneNumber ?? '')}" is not an international number starting with +`);
		return { type: 'PHONE_NUMBER', text, phone_number: phone };
	}
	if (type === 'copyCode') {
		const example = String(raw.couponExample ?? '').trim();
		if (!example) throw fail(`${field} Code Example`, 'is empty; a copy-code button needs an example code');
		return { type: 'COPY_CODE', example };
	}
	if (type === 'flow') {
		const flowId = String(raw.flowId ?? '').trim();
		if (!/^\d+$/.test(flowId)) throw fail(`${field} Flow ID`, `"${flowId}" is not a flow ID (digits)`);
		const button: IDataObject = { type: 'FLOW', text, flow_id: flowId, flow_action: String(raw.flowAction ?? 'navigate') };
		if (raw.flowAction !== 'data_exchange' && String(raw.navigateScreen ?? '').trim()) button.navigate_screen = String(raw.navigateScreen).trim();
		return button;
	}
	throw fail(`${field} Type`, `"${type}" is not a button type`);
}

/** Meta's `components` of a template from the form, checked field by field before anything is sent. */
export function templateComponents(node: INode, itemIndex: number, form: TemplateForm): IDataObject[] {
	const fail = failer(node, itemIndex);
	const components: IDataObject[] = [];
	const header = headerComponent(fail, form);
	if (header) components.push(header);
	components.push(bodyComponent(fail, form));
	if (form.footerText) {
		checkLength(fail, 'Footer', form.footerText, LIMITS.footer, false);
		if (placeholders(form.footerText).length) throw fail('Footer', 'has a variable; a footer is fixed text');
		components.push({ type: 'FOOTER', text: form.footerText });
	}
	if (form.buttons.length > LIMITS.buttons) throw fail('Buttons', `has ${form.buttons.length} buttons; a template has at most ${LIMITS.buttons}`);
	if (form.buttons.length) components.push({ type: 'BUTTONS', buttons: form.buttons.map((b, i) => buttonOf(fail, b, i)) });
	return components;
}

/** A template name as Meta accepts it: lowercase letters, digits and underscores. */
export function checkTemplateName(node: INode, itemIndex: number, name: string): string {
	if (!/^[a-z0-9_]{1,512}$/.test(name)) {
		throw new NodeOperationError(node, `"Name" "${name}" is not a valid template name`, { itemIndex, description: 'Use lowercase letters, digits and underscores only, e.g. order_shipped_v2.' });
	}
	return name;
}

/** A language code such as en, en_US or pt_BR. */
export function checkLanguageCode(node: INode, itemIndex: number, language: string, field = 'Language'): string {
	if (!/^[a-z]{2,3}(_[A-Za-z]{2,4})?$/.test(language)) {
		throw new NodeOperationError(node, `"${field}" "${language}" is not a language code`, { itemIndex, description: 'Use a code such as en, en_US or pt_BR.' });
	}
	return language;
}
