import { META_CREDENTIAL_TEST } from '../../shared/auth/credentialTest';
import * as listSearch from './listSearch';

export const credentialTest = META_CREDENTIAL_TEST;
export { listSearch };
