import { setupCheckProperties, executeSetupCheck } from '../../../shared/doctor/setupCheck';

/** The doctor's checklist; the same operation is offered by every action node as "Setup → Check". */
export const description = setupCheckProperties('token');
export const execute = executeSetupCheck;
