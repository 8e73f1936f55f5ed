'use strict';
// Ad accounts, campaigns, ad sets and ads (reference §6): the ads product's seedable store and access rules.
const { graphError, errors } = require('../../core/errors');
const { assetShared } = require('../../core/tokens');

/** AdAccount.account_status values (Marketing API AdAccount reference). */
const ACCOUNT_STATUS = {
	1: 'ACTIVE',
	2: 'DISABLED',
	3: 'UNSETTLED',
	7: 'PENDING_RISK_REVIEW',
	8: 'PENDING_SETTLEMENT',
	9: 'IN_GRACE_PERIOD',
	100: 'PENDING_CLOSURE',
	101: 'CLOSED',
	201: 'ANY_ACTIVE',
	202: 'ANY_CLOSED',
};

/** Configured status a campaign, ad set or ad can have. */
const CONFIGURED_STATUS = ['ACTIVE', 'PAUSED', 'DELETED', 'ARCHIVED'];
/** effective_status values accepted as a filter (Campaign/AdSet/Ad effective_status enum). */
const EFFECTIVE_STATUS = [
	'ACTIVE',
	'PAUSED',
	'DELETED',
	'PENDING_REVIEW',
	'DISAPPROVED',
	'PREAPPROVED',
	'PENDING_BILLING_INFO',
	'CAMPAIGN_PAUSED',
	'ARCHIVED',
	'ADSET_PAUSED',
	'IN_PROCESS',
	'WITH_ISSUES',
];

const LEVELS = ['account', 'campaign', 'adset', 'ad'];

function adsStore(state) {
	return state.ns('ads', () => ({
		/** numeric account id -> account */
		accounts: new Map(),
		/** id -> campaign | adset | ad ({kind, ...}) */
		objects: new Map(),
		/** report_run_id -> run */
		runs: new Map(),
		runSeq: 0,
	}));
}

function numericAccountId(id) {
	return String(id).replace(/^act_/, '');
}

function getAccount(state, id) {
	return adsStore(state).accounts.get(numericAccountId(id)) || null;
}

/** The node (account or ad object) an id or act_ id names, or null. */
function findNode(state, id) {
	const s = String(id);
	if (s.startsWith('act_')) {
		const account = getAccount(state, s);
		return account ? { kind: 'account', account, object: null } : null;
	}
	const object = adsStore(state).objects.get(s);
	if (!object) return null;
	return { kind: object.kind, account: getAccount(state, object.accountId), object };
}

/** Children of a node at `level` (campaign, adset or ad), in seed order. */
function descendants(state, node, level) {
	const out = [];
	for (const o of adsStore(state).objects.values()) {
		if (o.kind !== level || o.accountId !== node.account.id) continue;
		if (node.kind === 'account' || o[`${node.kind}Id`] === node.object.id || o.id === node.object.id) out.push(o);
	}
	return out;
}

/** ACTIVE only when the object and its parents are active; otherwise the first blocking status. */
function effectiveStatus(state, o) {
	if (o.effectiveStatus) return o.effectiveStatus;
	if (o.status !== 'ACTIVE') return o.status;
	const objects = adsStore(state).objects;
	const campaign = o.campaignId && objects.get(o.campaignId);
	// A paused parent shows as CAMPAIGN_PAUSED / ADSET_PAUSED; an archived or deleted one passes its status down.
	if (campaign && campaign.status !== 'ACTIVE') return campaign.status === 'PAUSED' ? 'CAMPAIGN_PAUSED' : campaign.status;
	const adset = o.adsetId && objects.get(o.adsetId);
	if (adset && adset.status !== 'ACTIVE') return adset.status === 'PAUSED' ? 'ADSET_PAUSED' : adset.status;
	return 'ACTIVE';
}

/**
 * Who may read an account: the users and system users listed on it (people with a role on the ad account or
 * assigned through the business). Access to someone else's account looks like a missing object (100/33), as
 * Meta answers ([community], e.g. facebook-php-business-sdk#424).
 */
function canAccess(account, record) {
	if (!account || !record) return false;
	if (record.type === 'APP') return false;
	// Login for Business: only an ad account the person ticked at login (core/tokens assetShared).
	return account.userIds.includes(String(record.userId)) && assetShared(record, `act_${account.id}`);
}

const ADS_SCOPES = ['ads_read', 'ads_management'];

/**
 * Route guard for everything under an ad account: token usable, ads_read or ads_management granted (code 200,
 * wording [community]), and the token's user assigned to the account. Sets req.adsNode.
 */
function guardNode(state, req, res, node) {
	const record = req.token;
	if (record.type !== 'APP' && !ADS_SCOPES.some((s) => record.scopes.includes(s))) {
		graphError(res, { code: 200, message: 'Ad account owner has NOT grant ads_management or ads_read permission' });
		return false;
	}
	if (!canAccess(node.account, record)) {
		graphError(res, errors.unsupportedRequest(req.method, req.params.id || node.account.id));
		return false;
	}
	req.adsNode = node;
	return true;
}

module.exports = {
	ACCOUNT_STATUS,
	CONFIGURED_STATUS,
	EFFECTIVE_STATUS,
	LEVELS,
	ADS_SCOPES,
	adsStore,
	numericAccountId,
	getAccount,
	findNode,
	descendants,
	effectiveStatus,
	canAccess,
	guardNode,
};
