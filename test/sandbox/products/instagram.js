'use strict';
// Instagram product: content publishing (containers, rupload, media_publish, quota), media reads, comments,
// mentions and Instagram Direct messaging, on graph.facebook.com (Facebook Login, IG account via its Page) and
// graph.instagram.com (Instagram Login). Reference §2–§4.
const { installSettings } = require('./instagram/settings');

const parts = [
	require('./instagram/publishing'),
	require('./instagram/rupload'),
	require('./instagram/media'),
	require('./instagram/comments'),
	require('./instagram/mentions'),
	require('./instagram/messaging'),
	require('./instagram/insights'),
];

module.exports = {
	name: 'instagram',
	/** @param {import('../index').ProductContext} ctx */
	register(ctx) {
		installSettings(ctx.state);
		for (const part of parts) part.register(ctx);
	},
};
