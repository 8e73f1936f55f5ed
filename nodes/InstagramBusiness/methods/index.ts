import { META_CREDENTIAL_TEST } from '../../shared/auth/credentialTest';
import { searchAccounts, searchComments, searchMedia, searchMediaAndStories } from './listSearch';

export const credentialTest = META_CREDENTIAL_TEST;
export const listSearch = { searchAccounts, searchComments, searchMedia, searchMediaAndStories };
