import { AD_OBJECT_KINDS } from '../../helpers/adObjects';
import { getStatusOperation } from '../../helpers/statusOperations';

export const { description, execute } = getStatusOperation(AD_OBJECT_KINDS.campaign);
