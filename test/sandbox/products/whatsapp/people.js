'use strict';
// WhatsApp users the sandbox knows by business-scoped user ID (BSUID, docs/whatsapp-user-ids.md): a person may have a
// phone number (wa_id), a username, or a username and no number shared. Windows, pair limits and statuses are keyed by
// the phone digits when Meta shares them, else by the user ID.
const { waStore } = require('./store');

/** Two-letter country code, a dot, optionally ENT. (parent BSUID), then up to 128 letters and digits. */
const USER_ID = /^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$/;

/** Registers a person: {userId, waId?, username?, parentUserId?}. */
function addUser(state, { userId, waId = null, username = null, parentUserId = null }) {
	if (!USER_ID.test(String(userId))) throw new Error(`"${userId}" is not a business-scoped user ID (e.g. US.13491208655302741918)`);
	const user = { userId: String(userId), waId: waId ? String(waId).replace(/\D/g, '') : null, username, parentUserId };
	waStore(state).users.set(user.userId, user);
	return user;
}

const userById = (state, id) => waStore(state).users.get(String(id)) || null;
const userByWaId = (state, waId) => [...waStore(state).users.values()].find((u) => u.waId && u.waId === String(waId)) || null;

/** The key of a person for windows and limits: phone digits, or the user ID of someone known only by it. */
function personKey(state, idOrPhone) {
	const text = String(idOrPhone);
	if (!USER_ID.test(text)) return text.replace(/\D/g, '');
	const user = userById(state, text);
	return (user && user.waId) || text;
}

module.exports = { USER_ID, addUser, userById, userByWaId, personKey };
