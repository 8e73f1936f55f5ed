import { testMetaCredential } from '../../shared/auth/credentialTest';

export const credentialTest = { metaCredentialTest: testMetaCredential };
