import { META_CREDENTIAL_TEST } from '../../shared/auth/credentialTest';
import * as listSearch from './listSearch';
import * as loadOptions from './loadOptions';
import * as resourceMapping from './resourceMapping';

export const credentialTest = META_CREDENTIAL_TEST;
export { listSearch, loadOptions, resourceMapping };
