'use strict';
// Templates of the seeded WhatsApp Business Account (shapes per reference §5.3). Cover every header kind,
// positional and NAMED parameters, every dynamic button kind, several languages and non-approved statuses.
const DEFAULT_TEMPLATES = [
	{
		name: 'order_update',
		language: 'en_US',
		category: 'UTILITY',
		components: [
			{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2U='] } },
			{ type: 'BODY', text: 'Hi {{1}}, order {{2}} shipped.', example: { body_text: [['Jess', '#1234']] } },
			{ type: 'FOOTER', text: 'Reply STOP to opt out' },
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'QUICK_REPLY', text: 'Track' },
					{ type: 'URL', text: 'Open', url: 'https://shop.example/o/{{1}}', example: ['https://shop.example/o/1234'] },
				],
			},
		],
	},
	{
		name: 'order_update',
		language: 'pt_BR',
		category: 'UTILITY',
		components: [
			{ type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2U='] } },
			{ type: 'BODY', text: 'Oi {{1}}, o pedido {{2}} foi enviado.', example: { body_text: [['Jess', '#1234']] } },
			{
				type: 'BUTTONS',
				buttons: [
					{ type: 'QUICK_REPLY', text: 'Rastrear' },
					{ type: 'URL', text: 'Abrir', url: 'https://shop.example/o/{{1}}', example: ['https://shop.example/o/1234'] },
				],
			},
		],
	},
	{
		name: 'invoice_ready',
		language: 'en_US',
		category: 'UTILITY',
		parameter_format: 'NAMED',
		components: [
			{ type: 'HEADER', format: 'DOCUMENT', example: { header_handle: ['4::ZG9j'] } },
			{
				type: 'BODY',
				text: 'Hello {{customer_name}}, your invoice {{invoice_number}} is ready.',
				example: { body_text_named_params: [{ param_name: 'customer_name', example: 'Jess' }, { param_name: 'invoice_number', example: 'INV-1' }] },
			},
			{ type: 'BUTTONS', buttons: [{ type: 'URL', text: 'View invoice', url: 'https://shop.example/invoices/{{1}}', example: ['https://shop.example/invoices/INV-1'] }] },
		],
	},
	{ name: 'hello_world', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello World' }] },
	{
		name: 'welcome_code',
		language: 'en_US',
		category: 'MARKETING',
		components: [
			{ type: 'HEADER', format: 'TEXT', text: 'Welcome {{1}}', example: { header_text: ['Jess'] } },
			{ type: 'BODY', text: 'Use your code at checkout, {{1}}.', example: { body_text: [['Jess']] } },
			{ type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'SAVE10' }] },
		],
	},
	{
		name: 'video_tour',
		language: 'en',
		category: 'MARKETING',
		components: [
			{ type: 'HEADER', format: 'VIDEO', example: { header_handle: ['4::dmlk'] } },
			{ type: 'BODY', text: 'Take the tour.' },
		],
	},
	{
		name: 'store_pickup',
		language: 'en_US',
		category: 'UTILITY',
		components: [
			{ type: 'HEADER', format: 'LOCATION' },
			{ type: 'BODY', text: 'Your order {{1}} is ready for pickup here.', example: { body_text: [['#12']] } },
		],
	},
	{
		name: 'login_code',
		language: 'en_US',
		category: 'AUTHENTICATION',
		components: [
			{ type: 'BODY', text: '{{1}} is your verification code.', example: { body_text: [['123456']] } },
			{ type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
		],
	},
	{ name: 'spring_sale', language: 'en_US', category: 'MARKETING', status: 'PAUSED', components: [{ type: 'BODY', text: 'Spring sale!' }] },
	{ name: 'old_promo', language: 'en_US', category: 'MARKETING', status: 'DISABLED', components: [{ type: 'BODY', text: 'Old promo' }] },
	{ name: 'new_feature', language: 'en_US', category: 'MARKETING', status: 'PENDING', components: [{ type: 'BODY', text: 'Something new, {{1}}', example: { body_text: [['Jess']] } }] },
	{ name: 'rejected_offer', language: 'en_US', category: 'MARKETING', status: 'REJECTED', rejected_reason: 'PROMOTIONAL', components: [{ type: 'BODY', text: 'Buy now' }] },
];

module.exports = { DEFAULT_TEMPLATES };
