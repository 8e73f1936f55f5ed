import { AD_OBJECT_KINDS } from '../../helpers/adObjects';
import { statusOperation } from '../../helpers/statusOperations';

export const { description, execute } = statusOperation(AD_OBJECT_KINDS.campaign, 'resume');
