import { CatalogueClient } from './catalogue-client.ts';

/** The control of the entries that declare retries: the base client with retries and no fault. */
export default () => new CatalogueClient('fault-catalogue control with retries', { retries: true }).adapter();
