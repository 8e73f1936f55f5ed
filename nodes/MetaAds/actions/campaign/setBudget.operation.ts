import { AD_OBJECT_KINDS } from '../../helpers/adObjects';
import { setBudgetOperation } from '../../helpers/statusOperations';

export const { description, execute } = setBudgetOperation(AD_OBJECT_KINDS.campaign);
