import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { outgoing } from '../../helpers/envelope';
import { singleSend, type OutgoingMessage } from '../../helpers/send';
import { readNumber, readOptionalText } from '../../../shared/parameters';

const show = { resource: ['message'], operation: ['sendLocation'] };

export const description: INodeProperties[] = [
	{ displayName: 'Latitude', name: 'latitude', type: 'number', typeOptions: { numberPrecision: 6, minValue: -90, maxValue: 90 }, default: 0, required: true, description: 'Latitude of the place in decimal degrees (-90 to 90)', displayOptions: { show } },
	{ displayName: 'Longitude', name: 'longitude', type: 'number', typeOptions: { numberPrecision: 6, minValue: -180, maxValue: 180 }, default: 0, required: true, description: 'Longitude of the place in decimal degrees (-180 to 180)', displayOptions: { show } },
	{ displayName: 'Name', name: 'locationName', type: 'string', default: '', description: 'Optional name of the place shown with the pin, e.g. a shop name', displayOptions: { show } },
	{ displayName: 'Address', name: 'address', type: 'string', default: '', description: 'Optional street address shown under the name', displayOptions: { show } },
];

export async function build(this: IExecuteFunctions, itemIndex: number): Promise<OutgoingMessage> {
	const latitude = readNumber(this, 'latitude', itemIndex, 'Latitude');
	const longitude = readNumber(this, 'longitude', itemIndex, 'Longitude');
	if (!Number.isFinite(latitude) || Math.abs(latitude) > 90 || !Number.isFinite(longitude) || Math.abs(longitude) > 180) {
		throw new NodeOperationError(this.getNode(), `The location ${latitude}, ${longitude} is not on the map`, { itemIndex, description: 'Latitude is -90 to 90 and longitude -180 to 180.' });
	}
	const location: IDataObject = { latitude, longitude };
	const name = readOptionalText(this, 'locationName', itemIndex, 'Name').trim();
	const address = readOptionalText(this, 'address', itemIndex, 'Address').trim();
	if (name) location.name = name;
	if (address) location.address = address;
	return outgoing(this, itemIndex, 'location', location);
}

export const execute = singleSend(build);
