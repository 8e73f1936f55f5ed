import { META_CREDENTIAL_TEST } from '../../shared/auth/credentialTest';

export const credentialTest = META_CREDENTIAL_TEST;
