import type { IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';
import type { GraphLayerOptions } from '../../shared/request';
import type { MetaCredentialType } from '../../shared/connection';
import { readOptionalId } from '../../shared/parameters';

/** The credentials this node works with: a system-user (or pasted) token, or Facebook Login. */
export const WHATSAPP_CREDENTIAL_TYPES: readonly MetaCredentialType[] = ['metaAccessTokenApi', 'metaOAuth2Api'];

export function layerOf(ctx: IExecuteFunctions | ILoadOptionsFunctions, itemIndex?: number): GraphLayerOptions {
	const credentialType = (
		itemIndex === undefined
			? (ctx as ILoadOptionsFunctions).getNodeParameter('authentication', 'metaAccessTokenApi')
			: (ctx as IExecuteFunctions).getNodeParameter('authentication', itemIndex)
	) as MetaCredentialType;
	return { credentialType };
}

/** The display names of the node's resource locators, for errors about what was mapped into them. */
const LOCATOR_LABELS: Record<string, string> = {
	wabaId: 'WhatsApp Business Account',
	phoneNumberId: 'Sender Phone Number',
	templateName: 'Template',
};

/** A resource locator's value (account, phone number, template) for one item; '' when empty. */
export function locatorValue(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	return readOptionalId(ctx, name, itemIndex, LOCATOR_LABELS[name] ?? name);
}

/** The same, while the editor loads options. */
export function currentLocatorValue(ctx: ILoadOptionsFunctions, name: string): string {
	return String(ctx.getCurrentNodeParameter(name, { extractValue: true }) ?? '').trim();
}
